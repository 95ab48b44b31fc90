package dev.asios.health.anomaly;

import java.util.Comparator;

/**
 * How much one signal contributed to an anomaly score: the forest's attribution of the score to
 * the signal's coordinates (both directions, summed over the positions of the shingle).
 *
 * @param signal the signal's name
 * @param score the part of the anomaly score attributed to the signal (same unit as the score)
 * @param share {@code score} over the sum of all signals' scores, 0..1
 */
public record SignalAttribution(String signal, double score, double share) {

    /** Largest share first; ties by name, so that the order is stable. */
    public static final Comparator<SignalAttribution> LARGEST_FIRST =
            Comparator.comparingDouble(SignalAttribution::share).reversed().thenComparing(SignalAttribution::signal);
}
