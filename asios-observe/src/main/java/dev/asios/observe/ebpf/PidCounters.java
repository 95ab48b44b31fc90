package dev.asios.observe.ebpf;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Per-process counters summed from the per-second counts of a bpftrace map that the script clears
 * every second, so the kernel map stays small and a bpftrace restart loses nothing already
 * counted. Only the {@code topN} processes with the highest totals are exposed, as series of a
 * counter family labelled {@code pid}, or {@code pid} and {@code comm} (read from
 * {@code /proc/PID/comm} when a process enters the top). Processes that exited are forgotten
 * every {@link #PRUNE_EVERY} publications; at most {@link #MAX_TRACKED} are tracked, the smallest
 * dropped first. Not thread-safe: the probe's reader thread only.
 */
final class PidCounters {

    /** Publications between two checks for exited processes. */
    static final int PRUNE_EVERY = 30;

    /** The most processes tracked at once. */
    static final int MAX_TRACKED = 4096;

    private static final Comparator<Map.Entry<Long, Total>> BY_TOTAL = Comparator.comparingLong(e -> e.getValue().value);

    private final MetricFamily family;
    private final int topN;
    private final Sysroot sysroot;
    private final boolean withComm;
    private final Map<Long, Total> totals = new HashMap<>();
    private int publications;

    /**
     * Counters of {@code family}, whose labels are {@code pid} or {@code pid, comm}.
     *
     * @throws IllegalArgumentException if {@code topN} is not positive or the family has other labels
     */
    PidCounters(MetricFamily family, int topN, Sysroot sysroot) {
        if (topN < 1) {
            throw new IllegalArgumentException("top processes must be at least 1, was " + topN);
        }
        List<String> labels = family.labelNames();
        if (!labels.equals(List.of("pid")) && !labels.equals(List.of("pid", "comm"))) {
            throw new IllegalArgumentException(family.name() + " must be labelled pid or pid, comm, not " + labels);
        }
        this.family = family;
        this.topN = topN;
        this.sysroot = sysroot;
        this.withComm = labels.size() == 2;
    }

    /** Adds a process' count of the last interval; a negative or zero one is ignored. */
    void add(long pid, long count) {
        if (pid > 0 && count > 0) {
            Total total = totals.computeIfAbsent(pid, p -> new Total());
            total.value = Log2Buckets.saturatedSum(total.value, count);
        }
    }

    /** Sets the series of the top processes and removes those that left the top. */
    void publish() {
        if (++publications % PRUNE_EVERY == 0 || totals.size() > MAX_TRACKED) {
            prune();
        }
        PriorityQueue<Map.Entry<Long, Total>> top = new PriorityQueue<>(topN + 1, BY_TOTAL);
        for (Map.Entry<Long, Total> entry : totals.entrySet()) {
            top.add(entry);
            if (top.size() > topN) {
                unexpose(top.poll().getValue());
            }
        }
        for (Map.Entry<Long, Total> entry : top) {
            Total total = entry.getValue();
            if (total.series == null) {
                total.series = withComm ? family.series(Long.toString(entry.getKey()), comm(entry.getKey())) : family.series(Long.toString(entry.getKey()));
            }
            total.series.set(total.value);
        }
    }

    private void prune() {
        totals.entrySet().removeIf(entry -> {
            boolean gone = !sysroot.exists("/proc/" + entry.getKey());
            if (gone) {
                unexpose(entry.getValue());
            }
            return gone;
        });
        if (totals.size() > MAX_TRACKED) {
            List<Map.Entry<Long, Total>> smallest = new ArrayList<>(totals.entrySet());
            smallest.sort(BY_TOTAL);
            for (Map.Entry<Long, Total> entry : smallest.subList(0, totals.size() - MAX_TRACKED)) {
                unexpose(entry.getValue());
                totals.remove(entry.getKey());
            }
        }
    }

    private void unexpose(Total total) {
        if (total.series != null) {
            family.remove(total.series.labelValues());
            total.series = null;
        }
    }

    // Format of /proc/PID/comm: "python3\n"
    private String comm(long pid) {
        return sysroot.readTrimmed("/proc/" + pid + "/comm").orElse("");
    }

    private static final class Total {
        private long value;
        private Series series;
    }
}
