package dev.asios.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asios.agent.store.SampleStore;
import dev.asios.agent.store.StoreSettings;
import dev.asios.health.forecast.ExhaustionFinding;
import dev.asios.health.forecast.ExhaustionStatus;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NUMA node's memory filling at a steady rate is forecast to run out when it will, and a node
 * that goes away is dropped; hugepage pools, file systems and GPU temperatures are targets too,
 * and each target's accuracy is checked on its recorded history.
 */
class ForecastTargetsTest {

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path state;

    @Test
    void aNodeFillingAtASteadyRateIsForecastToRunOutOnTime() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        MetricFamily anon = registry.gauge("asios_node_memory_anon_bytes", "Anonymous memory.", "bytes", "node");
        MetricFamily total = registry.gauge("asios_node_memory_total_bytes", "Memory.", "bytes", "node");
        total.series("1").set(16 * GIB);
        try (SampleStore store = SampleStore.open(state, StoreSettings.DEFAULTS.withMinFree(0, 0));
                ForecastTargets targets = new ForecastTargets(registry, store)) {
            anon.series("1").set(8 * GIB);
            targets.observe(T0);
            while (targets.starting() > 0) {
                Thread.sleep(20);
            }
            long t = T0;
            for (int i = 1; i <= 45 * 6; i++) {
                t = T0 + i * 10_000L;
                anon.series("1").set(8 * GIB + 0.1 * GIB * (t - T0) / 60_000.0);
                targets.observe(t);
            }
            List<ExhaustionFinding> findings = targets.watch().findings();
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.targetId()).isEqualTo("node-memory/1");
                assertThat(f.status()).isEqualTo(ExhaustionStatus.WITHIN_HORIZON);
                assertThat(f.text()).startsWith("node 1 memory exhausted in ~");
                assertThat(f.secondsToLimit().getAsDouble()).as("3.5 GiB left at 0.1 GiB/min: 35 min").isCloseTo(35 * 60, within(8 * 60.0));
            });

            anon.remove(List.of("1"));
            targets.observe(t + 10_000);
            assertThat(targets.watch().targetIds()).as("the node went away").isEmpty();
        }
    }

    @Test
    void poolsFileSystemsAndGpuTemperaturesAreTargetsAndEmptyOnesAreNot() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        MetricFamily pool = registry.gauge("asios_hugepages_bytes", "Pool.", "bytes", "node", "page_size_bytes");
        MetricFamily poolFree = registry.gauge("asios_hugepages_free_bytes", "Free.", "bytes", "node", "page_size_bytes");
        pool.series("0", "2097152").set(4 * GIB);
        poolFree.series("0", "2097152").set(3 * GIB);
        pool.series("0", "1073741824").set(0);
        poolFree.series("0", "1073741824").set(0);
        MetricFamily size = registry.gauge("asios_filesystem_size_bytes", "Size.", "bytes", "mountpoint", "device", "fstype");
        MetricFamily avail = registry.gauge("asios_filesystem_avail_bytes", "Avail.", "bytes", "mountpoint", "device", "fstype");
        size.series("/ckpt", "filer:/ckpt", "nfs4").set(100 * GIB);
        avail.series("/ckpt", "filer:/ckpt", "nfs4").set(40 * GIB);
        registry.gauge("asios_gpu_temperature_celsius", "Temperature.", "celsius", "gpu", "uuid").series("0", "GPU-a").set(61);
        registry.gauge("asios_gpu_temperature_slowdown_celsius", "Slowdown.", "celsius", "gpu", "uuid").series("0", "GPU-a").set(87);
        try (SampleStore store = SampleStore.open(state, StoreSettings.DEFAULTS.withMinFree(0, 0));
                ForecastTargets targets = new ForecastTargets(registry, store)) {
            targets.observe(T0);
            while (targets.starting() > 0) {
                Thread.sleep(20);
            }
            targets.observe(T0 + 1000);
            assertThat(targets.watch().targetIds()).as("the empty 1 GiB pool is no target")
                    .containsExactlyInAnyOrder("hugepages/0,2097152", "filesystem//ckpt,filer:/ckpt,nfs4", "gpu-temperature/0,GPU-a");
            assertThat(targets.watch().findings()).extracting(ExhaustionFinding::text).allSatisfy(text -> assertThat(text).containsAnyOf(
                    "file system /ckpt", "node 0 hugepage pool of 2048 kB pages", "GPU 0 temperature"));
            assertThat(targets.accuracy("hugepages/0,2097152")).hasValueSatisfying(a -> assertThat(a.unavailable()).isEqualTo("no recorded history yet"));
        }
    }

    @Test
    void aTargetWithRecordedHistoryHasItsAccuracyChecked() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        MetricFamily anon = registry.gauge("asios_node_memory_anon_bytes", "Anonymous memory.", "bytes", "node");
        registry.gauge("asios_node_memory_total_bytes", "Memory.", "bytes", "node").series("0").set(64 * GIB);
        long now = T0 + 3 * 3_600_000L;
        try (SampleStore store = SampleStore.open(state, StoreSettings.DEFAULTS.withMinFree(0, 0))) {
            for (long t = T0; t < now; t += 60_000) {
                anon.series("0").set(8 * GIB + 0.01 * GIB * (t - T0) / 60_000.0 + (t / 60_000 % 7) * 0.002 * GIB);
                store.record(t, registry);
            }
            try (ForecastTargets targets = new ForecastTargets(registry, store)) {
                targets.observe(now);
                while (targets.starting() > 0) {
                    Thread.sleep(20);
                }
                assertThat(targets.accuracy("node-memory/0")).hasValueSatisfying(a -> {
                    assertThat(a.unavailable()).isEmpty();
                    assertThat(a.report().orElseThrow().origins()).isGreaterThan(50);
                    assertThat(a.report().orElseThrow().ratioToNaive()).as("a steady climb beats the last value").isLessThan(1);
                });
            }
        }
    }
}
