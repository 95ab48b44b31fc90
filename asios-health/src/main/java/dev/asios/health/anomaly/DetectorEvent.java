package dev.asios.health.anomaly;

/**
 * Something that happened to a group's detector, with the reason in words for the audit log.
 *
 * @param groupId the group
 * @param kind what happened
 * @param reason why, for people (for example {@code signals changed from [a, b] to [a, b, c]})
 * @param epochMs the round at which it happened (observation time)
 */
public record DetectorEvent(String groupId, Kind kind, String reason, long epochMs) {

    /** What happened to a detector. */
    public enum Kind {
        /** A new detector that knows nothing; the reason says why no saved one was used. */
        STARTED_FRESH,
        /** A detector restored from its saved state. */
        RESTORED,
        /** The group's signals changed: its detector was dropped and a fresh one started. */
        REPLACED,
        /** The group was not seen for a while: its detector was saved and dropped. */
        DROPPED,
        /** Saving the detector's state failed; it goes on, and will be saved again later. */
        SAVE_FAILED
    }
}
