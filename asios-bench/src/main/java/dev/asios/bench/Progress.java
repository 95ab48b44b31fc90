package dev.asios.bench;

/** Where a long benchmark says how far it is. Implementations must be thread-safe. */
@FunctionalInterface
public interface Progress {

    /** Prints nothing. */
    Progress NONE = (what, done, total) -> { };

    /** {@code done} of {@code total} steps of {@code what} are finished. */
    void step(String what, int done, int total);
}
