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

/** A NUMA node's memory filling at a steady rate is forecast to run out when it will, and a node that goes away is dropped. */
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
}
