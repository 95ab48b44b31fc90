package dev.asios.tune.plan;

/**
 * The key under which the journal keeps one change's original and applied state: a path may be
 * both made ({@link Operation#CREATE_CGROUP}) and filled ({@link Operation#MOVE_TASKS}).
 */
public final class JournalKey {

    private JournalKey() {
    }

    /** The key of {@code operation} at {@code path}; a plain write is keyed by its path alone. */
    public static String of(Operation operation, String path) {
        return operation == Operation.WRITE ? path : operation + " " + path;
    }
}
