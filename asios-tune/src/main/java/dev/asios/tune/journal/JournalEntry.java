package dev.asios.tune.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.asios.tune.plan.ValueFormat;

/**
 * One line of the journal. Written as a JSON object per line; fields not used by a kind are left out.
 *
 * @param kind what happened
 * @param at when, as an ISO-8601 instant
 * @param profile the profile applied ({@link Kind#BEGIN})
 * @param path the host path ({@link Kind#ORIGINAL}, {@link Kind#APPLIED}, {@link Kind#RESTORED})
 * @param format how the file shows its value ({@link Kind#ORIGINAL}, {@link Kind#APPLIED})
 * @param value the original value to write back ({@link Kind#ORIGINAL}), or the value applied
 *     ({@link Kind#APPLIED})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalEntry(Kind kind, String at, String profile, String path, ValueFormat format, String value) {

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
