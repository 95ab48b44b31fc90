package dev.asios.tune.plan;

import dev.asios.host.parse.ParseException;

/**
 * One change to one kernel file: a value of a {@link Plan}.
 *
 * @param tunable the id of the tunable that asks for it, for example {@code memory.thp}
 * @param path the host path written, for example {@code /sys/kernel/mm/transparent_hugepage/enabled}
 * @param format how the file shows its value, for verifying and restoring
 * @param current the effective value now, in the format's canonical form
 * @param desired the value to write
 * @param reason why, in one line
 */
public record Change(String tunable, String path, ValueFormat format, String current, String desired, String reason) {

    /** True when the host already has the desired value; false when the current value cannot be understood. */
    public boolean alreadyDone() {
        try {
            return format.shows(current, desired);
        } catch (ParseException e) {
            return false;
        }
    }
}
