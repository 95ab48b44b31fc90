package dev.asios.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts latencies by whole units (one bucket per microsecond, say) over several rounds, and makes
 * the {@link Distribution} of them. Not thread-safe: filled by one thread between rounds.
 */
public final class LatencyCounts {

    private final TreeMap<Long, Long> counts = new TreeMap<>();

    /**
     * Adds {@code count} samples of {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} or {@code count} is negative
     */
    public void add(long value, long count) {
        if (value < 0 || count < 0) {
            throw new IllegalArgumentException("latency " + value + " counted " + count + " times: both must be at least 0");
        }
        if (count > 0) {
            counts.merge(value, count, Long::sum);
        }
    }

    /** Whether nothing was counted. */
    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The distribution of everything counted, one bucket per value seen. */
    public Distribution distribution(String tool, String metric, String unit) {
        List<Distribution.Bucket> buckets = new ArrayList<>(counts.size());
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            buckets.add(new Distribution.Bucket(e.getKey(), e.getValue()));
        }
        return new Distribution(tool, metric, unit, buckets);
    }
}
