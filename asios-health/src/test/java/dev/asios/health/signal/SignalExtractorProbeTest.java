package dev.asios.health.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asios.health.signal.SignalNames.Cpu;
import dev.asios.health.signal.SignalNames.Disk;
import dev.asios.health.signal.SignalNames.Gpu;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.Recorded;
import dev.asios.observe.ebpf.BpftraceJsonParser;
import dev.asios.observe.ebpf.KernelParts;
import dev.asios.observe.ebpf.ProbePart;
import dev.asios.observe.gpu.GpuCollector;
import dev.asios.observe.gpu.GpuTelemetryOptions;
import dev.asios.observe.metric.HistogramValue;
import dev.asios.observe.metric.MetricRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eBPF latency histograms and the GPU gauges as the observe layer's own parts write them: the
 * run-queue and block I/O parts fed with bpftrace 0.17 output recorded on the test host, and the
 * GPU collector reading a recorded {@code nvidia-smi} query of an H100 and an A10G.
 */
class SignalExtractorProbeTest {

    private static final Class<?> OBSERVE_EBPF = KernelParts.class;

    @TempDir
    Path folder;

    private final MetricRegistry registry = new MetricRegistry();
    private final SignalExtractor extractor = new SignalExtractor(registry);

    @Test
    void theRunQueueAndBlockLatencyHistogramsBecomeQuantilesOfTheSecond() {
        new SysfsTree(folder).file("/sys/block/vda/dev", "254:0\n");
        List<ProbePart> parts = List.of(KernelParts.runQueue(registry), KernelParts.blockIo(Sysroot.of(folder), registry));
        HandFilled.cpu(registry, "0", 1);
        HandFilled.disk(registry, "vda", 1, 1);
        List<String> lines = Recorded.text(OBSERVE_EBPF, "kernel-0.17.jsonl").lines().toList();

        feed(parts, lines.subList(0, 7));
        long[] first = counts("0");
        SignalRound round1 = extractor.extract(1_000);
        assertThat(round1.group("cpu/0").orElseThrow().group().signals()).contains(Cpu.RUNQUEUE_P50_SECONDS, Cpu.RUNQUEUE_P99_SECONDS);
        assertThat(round1.group("disk/vda").orElseThrow().group().signals()).contains(Disk.BLOCK_LATENCY_P99_SECONDS);
        assertThat(round1.value("cpu/0", Cpu.RUNQUEUE_P99_SECONDS)).isNaN();

        feed(parts, lines.subList(7, 13));
        long[] second = counts("0");
        SignalRound round2 = extractor.extract(2_000);
        double[] bounds = registry.family(CpuKind.RUNQUEUE_LATENCY).orElseThrow().upperBounds();
        long[] delta = new long[first.length];
        Arrays.setAll(delta, i -> second[i] - first[i]);
        for (double q : new double[] {0.5, 0.99}) {
            double upper = new HistogramValue(bounds, delta, 0).quantileUpperBound(q);
            String signal = q == 0.5 ? Cpu.RUNQUEUE_P50_SECONDS : Cpu.RUNQUEUE_P99_SECONDS;
            assertThat(round2.value("cpu/0", signal)).as(signal).isBetween(upper / 2, upper);
        }
        assertThat(round2.value("disk/vda", Disk.BLOCK_LATENCY_P99_SECONDS)).isPositive();
    }

    private static void feed(List<ProbePart> parts, List<String> lines) {
        for (String line : lines) {
            var message = BpftraceJsonParser.parse(line);
            parts.forEach(part -> part.accept(message));
        }
    }

    private long[] counts(String cpu) {
        return registry.family(CpuKind.RUNQUEUE_LATENCY).orElseThrow().histogram(cpu).snapshot().orElseThrow().counts();
    }

    @Test
    void theGpuGaugesPassThroughAndAReadingTheGpuLacksIsLeftOut() throws Exception {
        Files.writeString(folder.resolve("gpus.csv"), Recorded.text(GpuCollector.class, "nvidia-smi-query-two-gpus.csv"));
        Path smi = folder.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\ncat \"$(dirname \"$0\")/gpus.csv\"\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (GpuCollector gpus = GpuCollector.open(registry,
                new GpuTelemetryOptions(Optional.of(folder.resolve("no-nvml/libnvidia-ml.so.1")), folder.toString(), Duration.ofSeconds(5)))) {
            assertThat(gpus.availability().available()).as(gpus.availability().reason()).isTrue();
            gpus.collect();
            SignalRound round = extractor.extract(1_000);

            assertThat(round.groups()).extracting(SignalGroup::id).containsExactly("gpu/0", "gpu/1");
            assertThat(round.group("gpu/0").orElseThrow().group().signals()).containsExactly(Gpu.UTILIZATION_RATIO, Gpu.MEMORY_UTILIZATION_RATIO,
                    Gpu.MEMORY_USED_RATIO, Gpu.TEMPERATURE_CELSIUS, Gpu.POWER_WATTS, Gpu.SM_CLOCK_HERTZ);
            assertThat(round.value("gpu/0", Gpu.UTILIZATION_RATIO)).isEqualTo(0.45);
            assertThat(round.value("gpu/0", Gpu.MEMORY_USED_RATIO)).isCloseTo(20480.0 / 81559, within(1e-12));
            assertThat(round.value("gpu/0", Gpu.TEMPERATURE_CELSIUS)).isEqualTo(61);
            assertThat(round.value("gpu/0", Gpu.POWER_WATTS)).isEqualTo(350.12);
            assertThat(round.value("gpu/0", Gpu.SM_CLOCK_HERTZ)).isEqualTo(1980e6);
            assertThat(round.group("gpu/1").orElseThrow().group().signals()).as("the A10G reports no power").doesNotContain(Gpu.POWER_WATTS);
        }
    }
}
