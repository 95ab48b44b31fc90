package dev.asios.observe.cpu;

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
class CpuCollectorHostTest {

    @Test
    void readsThisHostTwiceWithSaneValuesAndCountersThatDoNotGoDown() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        collectTwiceOnTheHost(new CpuCollector(Sysroot.host(), registry), registry, Duration.ofMillis(200));

        List<String> cpus = labels(registry, "asios_cpu_seconds").stream().map(List::getFirst).distinct().toList();
        assertThat(cpus).isNotEmpty();
        for (String cpu : cpus) {
            double busy = 0;
            for (String mode : ProcStat.MODES) {
                busy += value(registry, "asios_cpu_seconds", cpu, mode);
            }
            assertThat(busy).as("seconds of CPU %s since boot", cpu).isPositive();
            assertThat(value(registry, "asios_cpu_online", cpu)).isEqualTo(1);
            assertThat(value(registry, "asios_cpu_isolated", cpu)).isIn(0.0, 1.0);
            assertThat(value(registry, "asios_cpu_interrupts", cpu)).isPositive();
            assertThat(value(registry, "asios_cpu_softirqs", cpu, "timer")).isNotNegative();
        }
        assertThat(value(registry, "asios_context_switches")).isPositive();
        assertThat(value(registry, "asios_forks")).isPositive();
        assertThat(value(registry, "asios_procs_running")).as("this test's thread runs").isGreaterThanOrEqualTo(1);
        assertThat(value(registry, "asios_procs_blocked")).isNotNegative();
        for (List<String> cpu : labels(registry, "asios_cpu_frequency_hertz")) {
            assertThat(value(registry, "asios_cpu_frequency_hertz", cpu.getFirst())).isBetween(1e7, 1e11);
        }
    }
}
