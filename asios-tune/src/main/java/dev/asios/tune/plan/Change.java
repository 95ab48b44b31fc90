package dev.asios.tune.plan;

import dev.asios.host.parse.ParseException;

/**
 * One change to the host: a value of a {@link Plan}.
 *
 * @param tunable the id of the tunable that asks for it, for example {@code memory.thp}
 * @param operation what is done at the path
 * @param path the host path changed, for example {@code /sys/kernel/mm/transparent_hugepage/enabled};
 *     the task for {@link Operation#SET_AFFINITY} ({@link TaskRef#path()})
 * @param format how the path shows its state, for verifying and restoring
 * @param current the state now, in the format's canonical form
 * @param desired the state wanted: the value to write, {@link Operation#PRESENT} for a folder,
 *     the cgroup whose tasks move for {@link Operation#MOVE_TASKS}, a {@link TaskPlacement} for
 *     {@link Operation#SET_AFFINITY}
 * @param reason why, in one line
 */
public record Change(String tunable, Operation operation, String path, ValueFormat format, String current, String desired, String reason) {

    /** A {@link Operation#WRITE} of a kernel file. */
    public Change(String tunable, String path, ValueFormat format, String current, String desired, String reason) {
        this(tunable, Operation.WRITE, path, format, current, desired, reason);
    }

    /** True when the host already has the desired state; false when the current one cannot be understood. */
    public boolean alreadyDone() {
        try {
            return format.shows(current, desired);
        } catch (ParseException e) {
            return false;
        }
    }

    /** What identifies the change in the journal: the operation and the path. */
    public String key() {
        return JournalKey.of(operation, path);
    }
}
