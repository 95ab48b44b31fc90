package dev.asios.host.sysroot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the warnings of one inspection: files that could not be read or parsed, values that
 * made no sense. A warning never aborts discovery; it travels with the result so the user sees
 * which file was wrong and everything else is still reported.
 *
 * <p>The same warning is kept once, and at most {@link #MAX_WARNINGS} are kept, so a long-running
 * reader (the agent's collectors, which read the same files every second) cannot grow it
 * without bound; {@link #dropped()} counts what the cap left out.
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

    /** The most distinct warnings kept. */
    public static final int MAX_WARNINGS = 1000;

    private final Set<Warning> warnings = new LinkedHashSet<>();
    private long dropped;

    /** Records that {@code path} (an absolute host path such as {@code /proc/meminfo}) had a problem. */
    public synchronized void warn(String path, String problem) {
        Warning warning = new Warning(path, problem);
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else if (!warnings.contains(warning)) {
            dropped++;
        }
    }

    /** Distinct warnings left out because {@link #MAX_WARNINGS} were already kept. */
    public synchronized long dropped() {
        return dropped;
    }

    /** All warnings so far, in the order they were recorded. */
    public synchronized List<Warning> warnings() {
        return List.copyOf(warnings);
    }
}
