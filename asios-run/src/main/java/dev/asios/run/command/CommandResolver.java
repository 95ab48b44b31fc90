package dev.asios.run.command;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the program a run names, as {@code execvp} would: a name with a slash as is, else in {@code PATH}. */
public final class CommandResolver {

    private CommandResolver() {
    }

    /**
     * The absolute path of the executable file {@code name}, searched in {@code path} (the
     * {@code PATH} value); empty when there is none.
     */
    public static Optional<Path> resolve(String name, String path) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.contains("/")) {
            Path file = Path.of(name).toAbsolutePath();
            return executable(file) ? Optional.of(file) : Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path file = Path.of(dir.isEmpty() ? "." : dir, name).toAbsolutePath();
            if (executable(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static boolean executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
