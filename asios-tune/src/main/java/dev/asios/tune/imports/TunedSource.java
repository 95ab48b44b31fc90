package dev.asios.tune.imports;

import java.util.Optional;

/**
 * Where an import finds the files a tuned profile refers to: the profiles it includes (as tuned
 * keeps them, sibling folders of the imported one) and the variables files it reads. Keeps the
 * import itself free of file access; implementations read the file system, tests use maps.
 */
public interface TunedSource {

    /** The {@code tuned.conf} of the profile {@code name}, or empty when there is none. */
    Optional<Text> profile(String name);

    /**
     * A file that the profile {@code profile} names: {@code path} is absolute, or relative to
     * that profile's folder. Empty when there is no such file.
     */
    Optional<Text> file(String profile, String path);

    /**
     * The content of a file.
     *
     * @param label the file's name as messages should show it (its path)
     * @param text its content
     */
    record Text(String label, String text) {
    }
}
