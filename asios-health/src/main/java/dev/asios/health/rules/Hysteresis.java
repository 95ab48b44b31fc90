package dev.asios.health.rules;

/**
 * When a symptom becomes a finding and when the finding clears: after {@code fireAfter} bad
 * checks in a row, and after {@code clearAfter} good checks in a row. A check of a rule that runs
 * every few rounds (a scan) counts once. Immutable.
 *
 * @param fireAfter bad checks in a row that make a finding, 1 to 3600
 * @param clearAfter good checks in a row that clear it, 1 to 3600
 */
public record Hysteresis(int fireAfter, int clearAfter) {

    private static final int MAX_CHECKS = 3600;

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException naming the setting, its bounds and the value
     */
    public Hysteresis {
        check("fireAfter", fireAfter);
        check("clearAfter", clearAfter);
    }

    private static void check(String name, int value) {
        if (value < 1 || value > MAX_CHECKS) {
            throw new IllegalArgumentException("hysteresis " + name + " must be within 1.." + MAX_CHECKS + " checks, given " + value);
        }
    }
}
