package dev.asios.health.anomaly;

/**
 * Where a {@link ForestDetector} stands: how much it has learned and what it skipped.
 *
 * @param groupId the group the detector watches
 * @param roundsFed complete rounds fed to the forest, over its whole life (restores included)
 * @param roundsSkipped incomplete rounds (a NaN or infinite value) that were not fed
 * @param warmUpRounds rounds the forest needs before it grades
 */
public record DetectorStatus(String groupId, long roundsFed, long roundsSkipped, int warmUpRounds) {

    /** Whether the detector still learns before it may report anomalies. */
    public boolean warmingUp() {
        return roundsFed < warmUpRounds;
    }

    /** One line for people: {@code warming up: 120 of 320 rounds, 3 skipped} or {@code ready: ...}. */
    public String describe() {
        String fed = warmingUp() ? "warming up: " + roundsFed + " of " + warmUpRounds + " rounds" : "ready: " + roundsFed + " rounds";
        return groupId + " " + fed + ", " + roundsSkipped + " incomplete skipped";
    }
}
