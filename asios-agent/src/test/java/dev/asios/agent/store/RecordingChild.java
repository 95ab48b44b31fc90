package dev.asios.agent.store;

import dev.asios.observe.metric.HistogramSeries;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The child JVM of {@link SampleStoreCrashTest}: records a round every {@code intervalMs} of real
 * time into the store in {@code stateDir}, rounds {@code stepMs} apart in recorded time from
 * {@code startMs}, maintains it every ten rounds, and prints each round's time on stdout once it
 * is committed. Runs until killed.
 */
final class RecordingChild {

    /** Short retentions, so recorded time runs past them and the child deletes while it is killed. */
    static final StoreSettings SETTINGS = SampleStoreTest.NO_RESERVE.withRetention(Duration.ofMinutes(5), Duration.ofMinutes(10));

    private static final int GAUGES = 100;
    private static final int COUNTERS = 50;
    private static final int HISTOGRAMS = 4;

    /** The series in each round. */
    static final int SERIES = GAUGES + COUNTERS + HISTOGRAMS;

    private RecordingChild() {
    }

    /** Arguments: the state folder, the first round's time, the recorded time between rounds, the real time between rounds (ms). */
    public static void main(String[] args) {
        Path stateDir = Path.of(args[0]);
        long startMs = Long.parseLong(args[1]);
        long stepMs = Long.parseLong(args[2]);
        long intervalNs = Duration.ofMillis(Long.parseLong(args[3])).toNanos();
        MetricRegistry registry = new MetricRegistry();
        MetricFamily gauges = registry.gauge("asios_crash_level", "A level.", null, "n");
        MetricFamily counters = registry.counter("asios_crash_events", "Events.", null, "n");
        MetricFamily histograms = registry.histogram("asios_crash_latency_seconds", "Latency.", "seconds", new double[] {0.001, 0.01, 0.1}, "n");
        try (SampleStore store = SampleStore.open(stateDir, SETTINGS)) {
            long next = System.nanoTime();
            for (long round = 0; ; round++) {
                long ts = startMs + round * stepMs;
                set(gauges, counters, histograms, round);
                store.record(ts, registry);
                System.out.println(ts);
                System.out.flush();
                if (round % 10 == 9) {
                    store.maintain(ts);
                }
                next += intervalNs;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }
    }

    private static void set(MetricFamily gauges, MetricFamily counters, MetricFamily histograms, long round) {
        for (int i = 0; i < GAUGES; i++) {
            gauges.series(Integer.toString(i)).set(Math.sin(round + i));
        }
        for (int i = 0; i < COUNTERS; i++) {
            counters.series(Integer.toString(i)).set(round * (i + 1));
        }
        for (int i = 0; i < HISTOGRAMS; i++) {
            HistogramSeries histogram = histograms.histogram(Integer.toString(i));
            histogram.set(new long[] {round, 2 * round, 3 * round, round / 2}, round * 0.5);
        }
    }
}
