package dev.asios.observe.memory;

import static dev.asios.observe.kerneltext.CollectorTesting.collectTwiceOnTheHost;
import static dev.asios.observe.kerneltext.CollectorTesting.labels;
import static dev.asios.observe.kerneltext.CollectorTesting.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("host")
class MemoryCollectorHostTest {

    @Test
    void readsThisHostTwiceWithSaneValuesAndCountersThatDoNotGoDown() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        collectTwiceOnTheHost(new MemoryCollector(Sysroot.host(), registry), registry, Duration.ofMillis(200));

        double total = value(registry, "asios_memory_total_bytes");
        assertThat(total).isGreaterThan(64.0 * 1024 * 1024);
        assertThat(value(registry, "asios_memory_available_bytes")).isBetween(0.0, total);
        assertThat(value(registry, "asios_memory_free_bytes")).isBetween(0.0, total);
        assertThat(value(registry, "asios_swap_free_bytes")).isBetween(0.0, value(registry, "asios_swap_total_bytes"));
        assertThat(value(registry, "asios_page_faults")).isGreaterThanOrEqualTo(value(registry, "asios_major_page_faults"));
        for (List<String> node : labels(registry, "asios_node_memory_total_bytes")) {
            String n = node.getFirst();
            double nodeTotal = value(registry, "asios_node_memory_total_bytes", n);
            assertThat(nodeTotal).as("node %s", n).isPositive();
            assertThat(value(registry, "asios_node_memory_free_bytes", n) + value(registry, "asios_node_memory_used_bytes", n)).isEqualTo(nodeTotal);
            assertThat(value(registry, "asios_numa_events", n, "numa_hit")).isNotNegative();
        }
        for (List<String> pool : labels(registry, "asios_hugepages_bytes")) {
            assertThat(value(registry, "asios_hugepages_free_bytes", pool.toArray(String[]::new)))
                    .isBetween(0.0, value(registry, "asios_hugepages_bytes", pool.toArray(String[]::new)) + value(registry, "asios_hugepages_surplus_bytes",
                            pool.toArray(String[]::new)));
        }
    }
}
