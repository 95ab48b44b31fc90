package dev.asios.bench;

import java.util.List;

/**
 * The median, minimum and maximum of a set of samples. Immutable.
 *
 * @param median the middle sample (the mean of the two middle ones for an even count)
 * @param min the smallest sample
 * @param max the largest sample
 * @param count how many samples
 */
public record Summary(double median, double min, double max, int count) {

    /**
     * The summary of {@code samples}.
     *
     * @throws IllegalArgumentException if there are none, or one is not a finite number
     */
    public static Summary of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples to summarize");
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        for (double sample : sorted) {
            if (!Double.isFinite(sample)) {
                throw new IllegalArgumentException("sample " + sample + " is not a finite number");
            }
        }
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Summary(median, sorted[0], sorted[n - 1], n);
    }
}
