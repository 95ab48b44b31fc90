package dev.asios.host.sysroot;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the warnings of one inspection: files that could not be read or parsed, values that
 * made no sense. A warning never aborts discovery; it travels with the result so the user sees
 * which file was wrong and everything else is still reported.
 *
 * <p>Thread-safe: readers may run on several threads and add warnings concurrently.
 */
public final class Diagnostics {

    /** One problem with one file. */
    public record Warning(String path, String problem) {
        @Override
        public String toString() {
            return path + ": " + problem;
        }
    }

    private final List<Warning> warnings = new ArrayList<>();

    /** Records that {@code path} (an absolute host path such as {@code /proc/meminfo}) had a problem. */
    public synchronized void warn(String path, String problem) {
        warnings.add(new Warning(path, problem));
    }

    /** All warnings so far, in the order they were recorded. */
    public synchronized List<Warning> warnings() {
        return List.copyOf(warnings);
    }
}
