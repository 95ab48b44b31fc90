package dev.asios.observe.ebpf;

import dev.asios.observe.metric.HistogramSeries;
import dev.asios.observe.metric.MetricFamily;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of a histogram family with one label, filled from bpftrace {@code hist()} and
 * {@code sum()} maps that bpftrace keeps cumulative. A restarted bpftrace starts again from zero;
 * what the previous process had counted is kept as a base and added, so the exposed counts and
 * sums only grow, as Prometheus expects of a histogram.
 *
 * <p>Used by one probe's reader thread only; not thread-safe.
 */
final class CumulativeHistograms {

    private final MetricFamily family;
    private final Log2Buckets buckets;
    private final double sumUnit;
    private final Map<String, Slot> slots = new HashMap<>();
    private final long[] scratch;

    /**
     * Series of {@code family}, whose bounds are those of {@code buckets}.
     *
     * @param sumUnit the size of one unit of the bpftrace sum in the family's base unit, such as
     *     {@code 1e-9} for a sum of nanoseconds exposed as seconds
     */
    CumulativeHistograms(MetricFamily family, Log2Buckets buckets, double sumUnit) {
        this.family = family;
        this.buckets = buckets;
        this.sumUnit = sumUnit;
        this.scratch = new long[buckets.size()];
    }

    /** Takes the whole current histogram of one label value, as bpftrace printed it. */
    void counts(String labelValue, List<HistogramBucket> histogram) {
        Slot slot = slot(labelValue);
        Arrays.fill(slot.current, 0);
        buckets.add(histogram, slot.current);
        publish(slot);
    }

    /** Takes the current sum of one label value, in bpftrace's unit. */
    void sum(String labelValue, long currentSum) {
        Slot slot = slot(labelValue);
        slot.currentSum = currentSum;
        publish(slot);
    }

    /** The bpftrace process restarted: what it counted so far becomes the base. */
    void restarted() {
        for (Slot slot : slots.values()) {
            for (int i = 0; i < slot.base.length; i++) {
                slot.base[i] = Log2Buckets.saturatedSum(slot.base[i], slot.current[i]);
            }
            Arrays.fill(slot.current, 0);
            slot.baseSum += slot.currentSum;
            slot.currentSum = 0;
        }
    }

    private Slot slot(String labelValue) {
        return slots.computeIfAbsent(labelValue, value -> new Slot(family.histogram(value), buckets.size()));
    }

    private void publish(Slot slot) {
        for (int i = 0; i < scratch.length; i++) {
            scratch[i] = Log2Buckets.saturatedSum(slot.base[i], slot.current[i]);
        }
        slot.series.set(scratch, (slot.baseSum + slot.currentSum) * sumUnit);
    }

    private static final class Slot {
        private final HistogramSeries series;
        private final long[] base;
        private final long[] current;
        private double baseSum;
        private long currentSum;

        Slot(HistogramSeries series, int size) {
            this.series = series;
            this.base = new long[size];
            this.current = new long[size];
        }
    }
}
