package dev.asios.health.anomaly;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link ForestDetector} made of one round.
 *
 * @param epochMs the observation's time
 * @param status whether the round was scored
 * @param grade 0 for a normal round, up to 1 for a certain anomaly (RCF's anomaly grade); 0
 *     unless {@link Status#SCORED}
 * @param score the forest's anomaly score of the round (about 1 for a usual point, higher for an
 *     unusual one); 0 before the forest scores
 * @param threshold the score above which the forest's thresholder starts to grade, 0 before it
 *     has one
 * @param attribution per signal, largest share first; empty when the grade is 0 (the forest
 *     attributes only anomalies)
 * @param expectation expected against observed values, when the forest gives them (anomalous
 *     rounds only)
 */
public record RoundVerdict(long epochMs, Status status, double grade, double score, double threshold,
        List<SignalAttribution> attribution, Optional<Expectation> expectation) {

    /** Copies the list. */
    public RoundVerdict {
        attribution = List.copyOf(attribution);
    }

    /** A round that was not scored: incomplete, or during warm-up with the score the forest gave. */
    static RoundVerdict unscored(long epochMs, Status status, double score) {
        return new RoundVerdict(epochMs, status, 0, score, 0, List.of(), Optional.empty());
    }

    /** Whether the forest graded the round anomalous (a grade above 0). */
    public boolean anomalous() {
        return grade > 0;
    }

    /** Whether a round was scored, warmed up or skipped. */
    public enum Status {
        /** Scored by a warmed-up forest. */
        SCORED,
        /** Fed to the forest, which has not seen enough rounds yet to grade; the grade is 0. */
        WARMING_UP,
        /** Not fed: a value was NaN or infinite (not measured this round). */
        SKIPPED_INCOMPLETE
    }
}
