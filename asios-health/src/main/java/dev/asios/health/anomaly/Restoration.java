package dev.asios.health.anomaly;

/** What came of restoring a saved detector: the detector, or why not. */
public sealed interface Restoration {

    /**
     * The saved detector, ready to go on where it stopped.
     *
     * @param detector the restored detector
     */
    record Restored(ForestDetector detector) implements Restoration {
    }

    /**
     * The saved state could not be used; the caller starts a fresh detector.
     *
     * @param reason why, for people (for example {@code saved for signals [a, b], the group now has [a, b, c]})
     */
    record Rejected(String reason) implements Restoration {
    }
}
