package dev.asios.observe.ebpf;

import dev.asios.observe.metric.MetricFamily;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A part that measures a latency as a cumulative log2 histogram in microseconds ({@code hist()})
 * and a sum in nanoseconds ({@code sum()}), both keyed alike (by CPU, by device), and exposes it
 * as a histogram in seconds with one label. Not thread-safe: the probe's reader thread only.
 */
final class LatencyPart extends ScriptedPart {

    /** Bounds of every latency histogram: 1 µs to 2^26 µs (67 s), in seconds. */
    static final Log2Buckets MICROSECONDS = new Log2Buckets(26, 1e-6);

    private static final double NANOSECOND = 1e-9;

    private final Maps maps;
    private final CumulativeHistograms histograms;
    private final UnaryOperator<String> labelOfKey;

    /**
     * The names of a latency part's maps.
     *
     * @param histogram the {@code hist()} map in microseconds
     * @param sum the {@code sum()} map in nanoseconds
     * @param scratch the map of start times
     */
    record Maps(String histogram, String sum, String scratch) {
    }

    /**
     * A part running {@code script}, whose maps are {@code maps}, writing the series of
     * {@code family} (a histogram in seconds with the bounds of {@link #MICROSECONDS} and one
     * label) under the label value that {@code labelOfKey} gives a map key.
     */
    LatencyPart(String name, String script, List<ProbeRequirement> requirements, Maps maps, MetricFamily family,
            UnaryOperator<String> labelOfKey) {
        super(name, script, requirements, Set.of(maps.histogram(), maps.sum()), List.of(maps.scratch()));
        this.maps = maps;
        this.histograms = new CumulativeHistograms(family, MICROSECONDS, NANOSECOND);
        this.labelOfKey = labelOfKey;
    }

    @Override
    public void accept(BpftraceMessage message) {
        switch (message) {
            case BpftraceMessage.Histograms h when h.map().equals(maps.histogram()) -> {
                for (Map.Entry<String, List<HistogramBucket>> entry : h.histograms().entrySet()) {
                    histograms.counts(labelOfKey.apply(entry.getKey()), entry.getValue());
                }
            }
            case BpftraceMessage.MapValues m when m.map().equals(maps.sum()) -> {
                for (Map.Entry<String, Long> entry : m.values().entrySet()) {
                    histograms.sum(labelOfKey.apply(entry.getKey()), entry.getValue());
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void restarted() {
        histograms.restarted();
    }
}
