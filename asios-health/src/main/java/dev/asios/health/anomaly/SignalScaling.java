package dev.asios.health.anomaly;

import java.util.Arrays;
import java.util.List;

/**
 * Per-signal factors that bring every signal to the same order of spread before the forest sees
 * it. RCF's own normalisation divides by a signal's running deviation <em>plus one</em>, which
 * leaves a signal that moves by less than one unit (a ratio, a latency in seconds) nearly flat next
 * to one that moves by millions (bytes per second): the forest would ignore it. Multiplying each
 * signal by {@code TARGET_SPREAD / spread}, with the spread measured over the first rounds (never
 * below the signal's {@link SignalResolution}), makes the "plus one" negligible for all of them;
 * RCF then normalises as intended, and adapts as the signals change. The factors are fixed for the
 * detector's life and saved with it.
 */
final class SignalScaling {

    /** The spread every signal gets: far above RCF's "plus one". */
    static final double TARGET_SPREAD = 1000;
    /** The smallest spread assumed for a signal, relative to its mean, so a constant one is not infinitely amplified. */
    private static final double RELATIVE_FLOOR = 1e-3;
    /** The smallest spread assumed for a signal that was constantly 0 while calibrating. */
    private static final double ABSOLUTE_FLOOR = 1e-9;

    private final double[] factors;

    SignalScaling(double[] factors) {
        this.factors = factors.clone();
    }

    /** The factors for {@code signals} in rounds like {@code rounds} (complete, finite values, one array per round, in the signals' order). */
    static SignalScaling calibrate(List<String> signals, List<double[]> rounds) {
        int width = rounds.getFirst().length;
        double[] factors = new double[width];
        for (int signal = 0; signal < width; signal++) {
            double sum = 0;
            for (double[] round : rounds) {
                sum += round[signal];
            }
            double mean = sum / rounds.size();
            double squares = 0;
            for (double[] round : rounds) {
                squares += (round[signal] - mean) * (round[signal] - mean);
            }
            double spread = Math.sqrt(squares / rounds.size());
            double floor = Math.max(SignalResolution.of(signals.get(signal)), Math.max(RELATIVE_FLOOR * Math.abs(mean), ABSOLUTE_FLOOR));
            factors[signal] = TARGET_SPREAD / Math.max(spread, floor);
        }
        return new SignalScaling(factors);
    }

    /** {@code values} in the forest's units, a new array. */
    double[] toForest(double[] values) {
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = values[i] * factors[i];
        }
        return scaled;
    }

    /** The value of signal {@code index} given in the forest's units, in the signal's own unit. */
    double fromForest(int index, double value) {
        return value / factors[index];
    }

    double[] factors() {
        return factors.clone();
    }

    @Override
    public String toString() {
        return "SignalScaling" + Arrays.toString(factors);
    }
}
