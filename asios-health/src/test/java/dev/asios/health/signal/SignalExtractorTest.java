package dev.asios.health.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asios.health.signal.SignalNames.Cpu;
import dev.asios.health.signal.SignalNames.Disk;
import dev.asios.health.signal.SignalNames.Gpu;
import dev.asios.observe.metric.HistogramSeries;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extraction on registries filled by hand, with the collectors' family names. */
class SignalExtractorTest {

    /** The run-queue histogram's bounds: 1 µs to 2^26 µs, as the eBPF probe registers them. */
    private static final double[] MICROSECOND_BOUNDS = log2Bounds();

    private final MetricRegistry registry = new MetricRegistry();
    private final SignalExtractor extractor = new SignalExtractor(registry);

    private static double[] log2Bounds() {
        double[] bounds = new double[27];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = (1L << i) * 1e-6;
        }
        return bounds;
    }

    /** The reads of disks sda and sdb; their writes stay 0. */
    private MetricFamily diskReads() {
        HandFilled.disk(registry, "sda", 0, 0);
        HandFilled.disk(registry, "sdb", 0, 0);
        return registry.family(DiskKind.READS).orElseThrow();
    }

    @Test
    void aCounterIsARatePerSecondFromTheSecondRoundAndNaNInTheRoundItWentDown() {
        Series reads = diskReads().series("sda");
        reads.set(100);
        assertThat(extractor.extract(10_000).value("disk/sda", Disk.IOPS)).isNaN();
        reads.set(300);
        assertThat(extractor.extract(12_000).value("disk/sda", Disk.IOPS)).isEqualTo(100);
        reads.set(50);
        assertThat(extractor.extract(13_000).value("disk/sda", Disk.IOPS)).as("the counter went down").isNaN();
        reads.set(60);
        assertThat(extractor.extract(14_000).value("disk/sda", Disk.IOPS)).isEqualTo(10);
        reads.set(70);
        assertThat(extractor.extract(14_000).value("disk/sda", Disk.IOPS)).as("no time passed").isNaN();
    }

    @Test
    void aDeviceThatGoesAwayLosesItsGroupAndOneThatComesBackStartsAgainWithoutAMadeUpRate() {
        MetricFamily reads = diskReads();
        reads.series("sda").set(100);
        reads.series("sdb").set(5);
        extractor.extract(1_000);
        reads.remove(List.of("sdb"));
        SignalRound without = extractor.extract(2_000);
        assertThat(without.groupsChanged()).isTrue();
        assertThat(without.groups()).extracting(SignalGroup::id).containsExactly("disk/sda");

        reads.series("sdb").set(1_000_000);
        SignalRound back = extractor.extract(3_000);
        assertThat(back.groups()).extracting(SignalGroup::id).containsExactly("disk/sda", "disk/sdb");
        assertThat(back.value("disk/sdb", Disk.IOPS)).as("a new series: no previous value").isNaN();
        reads.series("sdb").set(1_000_010);
        assertThat(extractor.extract(4_000).value("disk/sdb", Disk.IOPS)).isEqualTo(10);
    }

    @Test
    void aHistogramBecomesTheQuantilesOfTheRoundInterpolatedWithinTheirBucket() {
        HandFilled.cpu(registry, "3", 0);
        HistogramSeries latency = registry.histogram(CpuKind.RUNQUEUE_LATENCY, "Run-queue latency.", "seconds", MICROSECOND_BOUNDS, "cpu")
                .histogram("3");
        long[] counts = new long[28];
        counts[2] = 10;
        latency.set(counts, 0);
        SignalRound first = extractor.extract(1_000);
        assertThat(first.group("cpu/3").orElseThrow().group().signals()).contains(Cpu.RUNQUEUE_P50_SECONDS, Cpu.RUNQUEUE_P99_SECONDS);
        assertThat(first.value("cpu/3", Cpu.RUNQUEUE_P99_SECONDS)).isNaN();

        // This round: 100 observations, 98 in (2, 4] µs and 2 in (32, 64] µs.
        counts[2] += 98;
        counts[6] += 2;
        latency.set(counts, 0);
        SignalRound second = extractor.extract(2_000);
        assertThat(second.value("cpu/3", Cpu.RUNQUEUE_P50_SECONDS)).isCloseTo(2e-6 + 2e-6 * 50 / 98, within(1e-12));
        assertThat(second.value("cpu/3", Cpu.RUNQUEUE_P99_SECONDS)).isCloseTo(32e-6 + 32e-6 * 1 / 2, within(1e-12));

        assertThat(extractor.extract(3_000).value("cpu/3", Cpu.RUNQUEUE_P99_SECONDS)).as("no observation this round").isNaN();

        counts[27] += 5;
        latency.set(counts, 0);
        assertThat(extractor.extract(4_000).value("cpu/3", Cpu.RUNQUEUE_P50_SECONDS)).as("+Inf: the largest finite bound").isEqualTo(MICROSECOND_BOUNDS[26]);

        counts[2] = 0;
        latency.set(counts, 0);
        assertThat(extractor.extract(5_000).value("cpu/3", Cpu.RUNQUEUE_P50_SECONDS)).as("a bucket went down").isNaN();
    }

    @Test
    void aLateProbeAddsItsSignalsToTheGroupsItCovers() {
        HandFilled.cpu(registry, "0", 1);
        SignalRound before = extractor.extract(1_000);
        assertThat(before.group("cpu/0").orElseThrow().group().signals()).doesNotContain(Cpu.RUNQUEUE_P99_SECONDS);
        assertThat(extractor.extract(2_000).groupsChanged()).isFalse();

        registry.histogram(CpuKind.RUNQUEUE_LATENCY, "Run-queue latency.", "seconds", MICROSECOND_BOUNDS, "cpu").histogram("0")
                .set(new long[28], 0);
        SignalRound after = extractor.extract(3_000);
        assertThat(after.groupsChanged()).isTrue();
        assertThat(after.group("cpu/0").orElseThrow().group().signals()).contains(Cpu.RUNQUEUE_P50_SECONDS, Cpu.RUNQUEUE_P99_SECONDS);
    }

    @Test
    void aReadingWithoutAValueIsLeftOutUntilItHasOne() {
        registry.gauge(GpuKind.INFO, "GPU.", null, "gpu", "uuid", "name", "source").series("0", "GPU-1", "A10G", "nvidia-smi").set(1);
        Series power = registry.gauge(GpuKind.POWER, "Power.", "watts", "gpu", "uuid").series("0", "GPU-1");
        registry.gauge(GpuKind.TEMPERATURE, "Temperature.", "celsius", "gpu", "uuid").series("0", "GPU-1").set(40);
        SignalRound unsupported = extractor.extract(1_000);
        assertThat(unsupported.group("gpu/0").orElseThrow().group().signals()).containsExactly(Gpu.TEMPERATURE_CELSIUS);

        power.set(70);
        SignalRound supported = extractor.extract(2_000);
        assertThat(supported.groupsChanged()).isTrue();
        assertThat(supported.group("gpu/0").orElseThrow().group().signals()).containsExactly(Gpu.TEMPERATURE_CELSIUS, Gpu.POWER_WATTS);
        assertThat(supported.value("gpu/0", Gpu.POWER_WATTS)).isEqualTo(70);

        power.set(Double.NaN);
        SignalRound lost = extractor.extract(3_000);
        assertThat(lost.groupsChanged()).as("a signal keeps its place when a reading fails").isFalse();
        assertThat(lost.value("gpu/0", Gpu.POWER_WATTS)).isNaN();
        assertThat(lost.group("gpu/0").orElseThrow().observation().complete()).isFalse();
    }

    @Test
    void anEmptyRegistryGivesEmptyRoundsAndNamesNoSignalTwice() {
        SignalRound round = extractor.extract(1_000);
        assertThat(round.observations()).isEmpty();
        assertThat(round.value("host/all", "swap_in_pages_per_second")).isNaN();
        assertThat(extractor.extract(2_000).groupsChanged()).isFalse();
    }
}
