package dev.asios.tune.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.asios.tune.plan.JournalKey;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.ValueFormat;
import java.util.List;

/**
 * One line of the journal. Written as a JSON object per line; fields not used by a kind are left out.
 *
 * @param kind what happened
 * @param at when, as an ISO-8601 instant
 * @param profile the profile applied ({@link Kind#BEGIN})
 * @param operation what was done at the path ({@link Kind#ORIGINAL}, {@link Kind#APPLIED},
 *     {@link Kind#RESTORED}); {@link Operation#WRITE} when a journal line does not say
 * @param path the host path ({@link Kind#ORIGINAL}, {@link Kind#APPLIED}, {@link Kind#RESTORED}); for
 *     {@link Operation#SET_AFFINITY} the task with its start time, {@code /proc/PID/task/TID@STARTTICKS}
 * @param format how the file shows its value ({@link Kind#ORIGINAL}, {@link Kind#APPLIED})
 * @param value the original value to write back ({@link Kind#ORIGINAL}), or the value applied
 *     ({@link Kind#APPLIED})
 * @param tasks the tasks moved ({@link Kind#APPLIED} of {@link Operation#MOVE_TASKS}): each was in
 *     the cgroup of the original value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalEntry(Kind kind, String at, String profile, Operation operation, String path, ValueFormat format, String value,
        List<Long> tasks) {

    /** Fills in {@link Operation#WRITE} for lines about a path that do not name their operation. */
    public JournalEntry {
        if (path != null && operation == null) {
            operation = Operation.WRITE;
        }
        tasks = tasks == null ? null : List.copyOf(tasks);
    }

    /** What identifies the change this entry is about: see {@link JournalKey}. */
    public String key() {
        return JournalKey.of(operation, path);
    }

    /** The kinds of entry, in the order an apply writes them. */
    public enum Kind {
        /** An apply of a profile starts. */
        BEGIN,
        /** The original value of a file, written and synced before the file is changed. */
        ORIGINAL,
        /** The file now holds the desired value. */
        APPLIED,
        /** The apply finished (some changes may have failed; they have no APPLIED entry). */
        END,
        /** A rollback wrote the original value back. */
        RESTORED
    }
}
