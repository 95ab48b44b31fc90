package dev.asios.tune.apply;

/**
 * Told of each step of an apply or a rollback, in order, after the step is done and durable: for
 * progress output, and for tests that stop the process between any two steps.
 */
@FunctionalInterface
public interface ExecutionListener {

    /** A listener that does nothing. */
    ExecutionListener NONE = (step, path) -> { };

    /** The steps, in the order they happen for one file. */
    enum Step {
        /** The file's original value is in the journal, on disk. */
        JOURNALED,
        /** The desired value is written to the file. */
        WRITTEN,
        /** The file was read back and the journal says it is applied. */
        VERIFIED,
        /** A rollback wrote the file's original value back and journaled it. */
        RESTORED
    }

    /** Called after {@code step} is done for {@code path}. */
    void after(Step step, String path);
}
