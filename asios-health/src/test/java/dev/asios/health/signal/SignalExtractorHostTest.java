package dev.asios.health.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.signal.SignalNames.Cpu;
import dev.asios.health.signal.SignalNames.Host;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.AllocationMeter;
import dev.asios.observe.collect.Collector;
import dev.asios.observe.cpu.CpuCollector;
import dev.asios.observe.disk.DiskCollector;
import dev.asios.observe.memory.MemoryCollector;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.net.NetworkCollector;
import dev.asios.observe.pressure.PressureCollector;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The extraction from the real collectors on this host, which they only read, and what a round costs here (printed). */
@Tag("host")
class SignalExtractorHostTest {

    private static final int ROUNDS = 200;

    @Test
    void theCollectorsOfThisHostGiveEveryGroupWithMeasuredRates() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        Sysroot host = Sysroot.host();
        List<Collector> collectors = List.of(new CpuCollector(host, registry), new MemoryCollector(host, registry), new PressureCollector(host, registry),
                new DiskCollector(host, registry), new NetworkCollector(host, registry));
        SignalExtractor extractor = new SignalExtractor(registry);
        long now = System.currentTimeMillis();
        collect(collectors);
        extractor.extract(now);
        Thread.sleep(200);
        collect(collectors);
        SignalRound round = extractor.extract(now + 200);

        assertThat(round.groups()).extracting(SignalGroup::kind).contains(Cpu.KIND, Host.KIND, "disk", "nic");
        assertThat(round.value("cpu/0", Cpu.BUSY_RATIO)).isBetween(0.0, 1.0);
        assertThat(round.value(Host.ID, Host.CONTEXT_SWITCHES_PER_SECOND)).isPositive();

        long start = System.nanoTime();
        for (int i = 1; i <= ROUNDS; i++) {
            extractor.extract(now + 200 + i * 1000L);
        }
        double micros = (System.nanoTime() - start) / 1e3 / ROUNDS;
        long[] at = {now + 1_000_000};
        long bytes = AllocationMeter.bytesPerCall(() -> extractor.extract(at[0] += 1000));
        System.out.printf("signal extraction on this host: %d groups, %.1f µs and %d bytes per round%n", round.observations().size(), micros, bytes);
    }

    private static void collect(List<Collector> collectors) throws Exception {
        for (Collector collector : collectors) {
            if (collector.availability().available()) {
                collector.collect();
            }
        }
    }
}
