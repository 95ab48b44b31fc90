package dev.asios.observe.kerneltext;

import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.Series;
import java.util.Arrays;

/**
 * The series of one family whose first label is a small number, a CPU or a NUMA node, which come
 * and go with the hardware: a number's series are created when it first shows up in a reading and
 * removed when a reading no longer has it (a CPU gone offline, a node gone). With second-label
 * values (CPU modes, event names) a number has one series per value, in their order; without,
 * one series.
 *
 * <p>Each reading is a round: {@link #beginRound()}, {@link #of(int)} or {@link #one(int)} for
 * every number read, {@link #endRound()}. A round that is abandoned (its file failed to parse)
 * simply never ends, and no series is removed. Handles are kept in arrays indexed by the number,
 * so a round allocates nothing once every number has been seen.
 *
 * <p>Not thread-safe: the collector thread only.
 */
public final class IndexedSeries {

    private final MetricFamily family;
    private final String[] secondLabelValues;
    private Series[][] byNumber = new Series[0][];
    private long[] roundSeen = new long[0];
    private long round;

    /**
     * Series of {@code family}, whose labels are the number and, if given, one more whose values
     * are {@code secondLabelValues}.
     */
    public IndexedSeries(MetricFamily family, String... secondLabelValues) {
        this.family = family;
        this.secondLabelValues = secondLabelValues.clone();
    }

    /** Starts a reading. */
    public void beginRound() {
        round++;
    }

    /**
     * The series of {@code number}, one per second-label value (one if there are none), created on
     * first use; marks the number as present in this round.
     *
     * @throws IllegalArgumentException if {@code number} is negative
     */
    public Series[] of(int number) {
        if (number < 0) {
            throw new IllegalArgumentException("negative label number " + number + " for " + family.name());
        }
        if (number >= byNumber.length) {
            int size = Math.max(number + 1, byNumber.length * 2);
            byNumber = Arrays.copyOf(byNumber, size);
            roundSeen = Arrays.copyOf(roundSeen, size);
        }
        if (byNumber[number] == null) {
            byNumber[number] = create(Integer.toString(number));
        }
        roundSeen[number] = round;
        return byNumber[number];
    }

    /** The single series of {@code number}, for a family without a second label; as {@link #of}. */
    public Series one(int number) {
        return of(number)[0];
    }

    /** Ends a reading: removes the series of every number not seen since {@link #beginRound()}. */
    public void endRound() {
        for (int number = 0; number < byNumber.length; number++) {
            if (byNumber[number] != null && roundSeen[number] != round) {
                for (Series series : byNumber[number]) {
                    family.remove(series.labelValues());
                }
                byNumber[number] = null;
            }
        }
    }

    private Series[] create(String label) {
        if (secondLabelValues.length == 0) {
            return new Series[] {family.series(label)};
        }
        Series[] series = new Series[secondLabelValues.length];
        for (int i = 0; i < series.length; i++) {
            series[i] = family.series(label, secondLabelValues[i]);
        }
        return series;
    }
}
