package dev.asios.health.anomaly.trace;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Generated labelled traces, from a seeded random number generator, one round per second:
 * signals of very different scales (from 0.004 to 1e9, as seconds next to bytes) that follow a
 * slow wave (one period per {@value #PERIOD_ROUNDS} rounds, ±{@value #WAVE} of the level, each
 * signal with its own phase) plus Gaussian noise of {@value #NOISE} of the level. Faults are
 * injected into one random signal at a time, after the warm-up, at gaps of 400 to 800 rounds:
 *
 * <ul>
 *   <li>{@code spike}: one round, {@link Faults#spikeSigmas()} noise deviations up;
 *   <li>{@code level_shift}: {@value #WINDOW_ROUNDS} rounds, {@link Faults#shiftSigmas()}
 *       deviations up;
 *   <li>{@code variance}: {@value #WINDOW_ROUNDS} rounds, the noise {@link Faults#varianceFactor()}
 *       times larger.
 * </ul>
 */
public final class SyntheticTraces {

    /** The time of the first round. */
    public static final long START_EPOCH_MS = 1_767_225_600_000L;
    static final int PERIOD_ROUNDS = 900;
    static final double WAVE = 0.2;
    static final double NOISE = 0.03;
    static final int WINDOW_ROUNDS = 120;
    private static final double[] SCALES = {0.5, 2.0e6, 0.004, 60, 1.0e9, 0.2, 350, 12};
    private static final String[] KINDS = {"spike", "level_shift", "variance"};

    /**
     * How large the injected faults are.
     *
     * @param spikeSigmas a spike's height, in noise deviations
     * @param shiftSigmas a level shift's height, in noise deviations
     * @param varianceFactor how much larger the noise gets
     */
    public record Faults(double spikeSigmas, double shiftSigmas, double varianceFactor) {
        /** Clear faults: a spike of +60% of the level, a shift of +36%, five times the noise. */
        public static final Faults CLEAR = new Faults(20, 12, 5);
        /** Subtle faults, within the wave's range: a spike of +24%, a shift of +18%, three times the noise. */
        public static final Faults SUBTLE = new Faults(8, 6, 3);
    }

    private SyntheticTraces() {
    }

    /** The names of {@code count} signals, up to 8. */
    public static List<String> signals(int count) {
        return IntStream.range(0, count).mapToObj(i -> "signal_" + i).toList();
    }

    /** A trace of {@code rounds} normal rounds. */
    public static LabelledTrace quiet(long seed, int signals, int rounds) {
        return generate(seed, signals, rounds, Integer.MAX_VALUE, Faults.CLEAR);
    }

    /** A trace with faults of {@code faults}' size, the first at round {@code firstFaultRound}. */
    public static LabelledTrace withFaults(long seed, int signals, int rounds, int firstFaultRound, Faults faults) {
        return generate(seed, signals, rounds, firstFaultRound, faults);
    }

    private static LabelledTrace generate(long seed, int signalCount, int rounds, int firstFaultRound, Faults faults) {
        Random random = new Random(seed);
        double[] phases = random.doubles(signalCount, 0, 2 * Math.PI).toArray();
        LabelledTrace.Builder trace = LabelledTrace.builder(signals(signalCount));
        int nextFault = firstFaultRound;
        String fault = LabelledTrace.NORMAL;
        int faultSignal = 0;
        int faultEnd = -1;
        for (int round = 0; round < rounds; round++) {
            if (round == nextFault) {
                fault = KINDS[random.nextInt(KINDS.length)];
                faultSignal = random.nextInt(signalCount);
                faultEnd = round + (fault.equals("spike") ? 1 : WINDOW_ROUNDS);
                nextFault = faultEnd + 400 + random.nextInt(400);
            }
            if (round == faultEnd) {
                fault = LabelledTrace.NORMAL;
            }
            double[] values = new double[signalCount];
            for (int s = 0; s < signalCount; s++) {
                double level = 1 + WAVE * Math.sin(2 * Math.PI * round / PERIOD_ROUNDS + phases[s]);
                double noise = NOISE * random.nextGaussian();
                if (s == faultSignal) {
                    switch (fault) {
                        case "spike" -> level += faults.spikeSigmas() * NOISE;
                        case "level_shift" -> level += faults.shiftSigmas() * NOISE;
                        case "variance" -> noise *= faults.varianceFactor();
                        default -> { }
                    }
                }
                values[s] = SCALES[s] * (level + noise);
            }
            trace.add(START_EPOCH_MS + round * 1000L, values, fault);
        }
        return trace.build();
    }
}
