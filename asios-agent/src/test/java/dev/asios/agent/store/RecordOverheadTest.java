package dev.asios.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.HistogramSeries;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What recording costs: the time of {@code record()} for a small host's ~200 series and a big
 * box's ~2000 (70 % gauges, 25 % counters, 5 % histograms of 12 buckets), the bytes a sample
 * takes in the file, and the bytes written to the disk per round (from {@code /proc/self/io},
 * the WAL's fsync and checkpoints included). Prints its numbers; asserts only loose bounds, as
 * the machine's disk decides the fsync.
 */
@Tag("slow")
class RecordOverheadTest {

    private static final int WARM_UP_ROUNDS = 50;
    private static final int ROUNDS = 300;

    @TempDir
    Path state;

    @ParameterizedTest
    @ValueSource(ints = {200, 2000})
    void recordingARound(int seriesCount) throws SQLException {
        MetricRegistry registry = new MetricRegistry();
        List<Runnable> updates = series(registry, seriesCount);
        long[] nanos = new long[ROUNDS];
        long writtenBytes;
        try (SampleStore store = SampleStore.open(state, SampleStoreTest.NO_RESERVE)) {
            long ts = 1_700_000_000_000L;
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                updates.forEach(Runnable::run);
                store.record(ts += 1000, registry);
            }
            long writtenBefore = writtenBytes();
            for (int i = 0; i < ROUNDS; i++) {
                updates.forEach(Runnable::run);
                long start = System.nanoTime();
                store.record(ts += 1000, registry);
                nanos[i] = System.nanoTime() - start;
            }
            writtenBytes = writtenBytes() - writtenBefore;
        }
        Arrays.sort(nanos);
        long usedBytes = (Long.parseLong(StoreSql.single(state, "PRAGMA page_count")) - Long.parseLong(StoreSql.single(state, "PRAGMA freelist_count")))
                * Long.parseLong(StoreSql.single(state, "PRAGMA page_size"));
        double bytesPerSample = usedBytes / (double) ((WARM_UP_ROUNDS + ROUNDS) * seriesCount);
        System.out.printf("store overhead: %d series: record() median %.2f ms, p90 %.2f ms, max %.2f ms; %.1f bytes per sample in the file; "
                + "%.0f KiB written to disk per round%n", seriesCount, nanos[ROUNDS / 2] / 1e6, nanos[ROUNDS * 9 / 10] / 1e6, nanos[ROUNDS - 1] / 1e6,
                bytesPerSample, writtenBytes / 1024.0 / ROUNDS);
        assertThat(nanos[ROUNDS / 2]).as("median record() well within a 1 s interval").isLessThan(500_000_000L);
        assertThat(bytesPerSample).as("bytes per sample").isLessThan(64);
    }

    /** The series of a registry and what moves them on by one round. */
    private static List<Runnable> series(MetricRegistry registry, int count) {
        MetricFamily gauges = registry.gauge("asios_bench_level_bytes", "A level.", "bytes", "device", "kind");
        MetricFamily counters = registry.counter("asios_bench_events", "Events.", null, "device", "kind");
        MetricFamily histograms = registry.histogram("asios_bench_latency_seconds", "Latency.", "seconds",
                new double[] {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100, 1000, 10000}, "device");
        List<Runnable> updates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String device = "dev" + i;
            if (i % 20 == 0) {
                HistogramSeries histogram = histograms.histogram(device);
                long[] counts = new long[12];
                updates.add(() -> {
                    counts[(int) (System.nanoTime() % 12)] += 3;
                    histogram.set(counts, counts[0] * 0.001);
                });
            } else if (i % 4 == 1) {
                Series counter = counters.series(device, "io");
                long[] value = {0};
                updates.add(() -> counter.set(value[0] += 4096));
            } else {
                Series gauge = gauges.series(device, "used");
                updates.add(() -> gauge.set(Math.random() * 1e9));
            }
        }
        return updates;
    }

    // Format of /proc/self/io: "write_bytes: 12345" among other "name: value" lines.
    private static long writtenBytes() {
        String io = Sysroot.host().read("/proc/self/io").orElse("");
        return io.lines().filter(line -> line.startsWith("write_bytes:")).mapToLong(line -> Long.parseLong(line.substring(12).strip())).findFirst()
                .orElse(0);
    }
}
