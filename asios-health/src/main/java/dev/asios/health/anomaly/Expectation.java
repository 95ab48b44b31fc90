package dev.asios.health.anomaly;

import java.util.List;
import java.util.Optional;

/**
 * What the forest expected a round to be, against what it was: RCF's imputation of the point
 * with the anomalous coordinates replaced by what its trees find likely. The round is the one
 * the forest blames, which may be a few rounds before the one that raised the grade (a shingle
 * sees a change late); {@code roundsAgo} says which.
 *
 * @param epochMs when the blamed round was observed
 * @param roundsAgo how many scored rounds before the reporting round the blamed one was (0 = the
 *     reporting round itself)
 * @param values one entry per signal, in the group's order
 */
public record Expectation(long epochMs, int roundsAgo, List<ExpectedValue> values) {

    /** Copies the list. */
    public Expectation {
        values = List.copyOf(values);
    }

    /** The entry of {@code signal}, if the group has it. */
    public Optional<ExpectedValue> of(String signal) {
        return values.stream().filter(v -> v.signal().equals(signal)).findFirst();
    }

    /**
     * One signal's expected and observed value, in the signal's own unit.
     *
     * @param signal the signal's name
     * @param expected what the forest expected
     * @param observed what was observed
     */
    public record ExpectedValue(String signal, double expected, double observed) {
    }
}
