package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.HistogramValue;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.runs.TrackedRuns;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelPartsTest {

    private final MetricRegistry registry = new MetricRegistry();

    private static void feed(List<ProbePart> parts, List<BpftraceMessage> messages) {
        for (BpftraceMessage message : messages) {
            String map = switch (message) {
                case BpftraceMessage.MapValues m -> m.map();
                case BpftraceMessage.Histograms h -> h.map();
                default -> "";
            };
            parts.stream().filter(p -> p.maps().contains(map)).forEach(p -> p.accept(message));
        }
    }

    private HistogramValue histogram(String family, String label) {
        return registry.family(family).orElseThrow().histogram(label).snapshot().orElseThrow();
    }

    private static Sysroot sysroot(Path root) {
        return new SysfsTree(root).file("/sys/block/vda/dev", "254:0\n").file("/sys/block/zram0/dev", "253:0\n").file("/sys/block/bad/dev", "x\n")
                .folder("/proc/30674").file("/proc/30674/comm", "java\n").folder("/proc/30763").file("/proc/30763/comm", "cc1\n").sysroot();
    }

    @Test
    void runQueueAndBlockLatenciesFromTheRecordedProbe(@TempDir Path root) {
        List<ProbePart> parts = KernelParts.all(sysroot(root), registry, TrackedRuns.NONE, 2);

        feed(parts, Recorded.messages("kernel-0.17.jsonl"));

        HistogramValue cpu1 = histogram("asios_runqueue_latency_seconds", "1");
        assertThat(cpu1.count()).isGreaterThan(1000);
        assertThat(cpu1.counts()[0]).as("[0, 0] µs is under 1 µs").isGreaterThanOrEqualTo(220);
        assertThat(cpu1.sum()).isGreaterThan(3.8).isLessThan(60);
        HistogramValue vda = histogram("asios_block_io_latency_seconds", "vda");
        assertThat(vda.count()).isEqualTo(vda.counts()[6] + vda.counts()[7] + vda.counts()[8] + vda.counts()[9]);
        assertThat(vda.counts()[6]).as("[32, 63] µs is under 64 µs").isEqualTo(1);
        assertThat(vda.sum()).isCloseTo(3133487e-9, within(1e-12));
    }

    @Test
    void pageFaultsAddUpPerProcessAndShowTheTopOnes(@TempDir Path root) {
        List<ProbePart> parts = KernelParts.all(sysroot(root), registry, TrackedRuns.NONE, 2);

        feed(parts, Recorded.messages("kernel-0.17.jsonl"));

        MetricFamily faults = registry.family("asios_process_page_faults").orElseThrow();
        assertThat(faults.allSeries()).hasSize(2);
        Map<List<String>, Double> values = new HashMap<>();
        faults.allSeries().forEach(s -> values.put(s.labelValues(), s.value()));
        assertThat(values).containsKey(List.of("30763", "cc1")).containsKey(List.of("30674", "java"));
        assertThat(values.get(List.of("30674", "java"))).isGreaterThanOrEqualTo(9381 + 4601);
    }

    @Test
    void aRestartedBpftraceKeepsTheHistogramsCumulative(@TempDir Path root) {
        ProbePart runQueue = KernelParts.runQueue(registry);
        BpftraceMessage first = BpftraceJsonParser.parse("{\"type\": \"hist\", \"data\": {\"@runq_us\": {\"0\": [{\"min\": 2, \"max\": 3, \"count\": 5}]}}}");
        BpftraceMessage sum = BpftraceJsonParser.parse("{\"type\": \"map\", \"data\": {\"@runq_ns_sum\": {\"0\": 12000}}}");
        runQueue.accept(first);
        runQueue.accept(sum);
        runQueue.restarted();
        runQueue.accept(BpftraceJsonParser.parse("{\"type\": \"hist\", \"data\": {\"@runq_us\": {\"0\": [{\"min\": 0, \"max\": 0, \"count\": 1}]}}}"));

        HistogramValue cpu0 = histogram("asios_runqueue_latency_seconds", "0");
        assertThat(cpu0.counts()[0]).isEqualTo(1);
        assertThat(cpu0.counts()[2]).isEqualTo(5);
        assertThat(cpu0.sum()).isEqualTo(12e-6);
    }

    @Test
    void anUnknownDeviceIsNamedByItsNumbers(@TempDir Path root) {
        BlockDeviceNames names = new BlockDeviceNames(sysroot(root));
        assertThat(names.name("266338304")).isEqualTo("vda");
        assertThat(names.name("265289728")).isEqualTo("zram0");
        assertThat(names.name(Long.toString(8L << 20 | 16))).isEqualTo("8:16");
        assertThat(names.name("sda")).isEqualTo("sda");
    }

    @Test
    void takingAPrintedHistogramAllocatesLittle() {
        ProbePart runQueue = KernelParts.runQueue(registry);
        BpftraceMessage histograms = Recorded.messages("kernel-0.17.jsonl").stream()
                .filter(m -> m instanceof BpftraceMessage.Histograms h && h.map().equals("@runq_us")).findFirst().orElseThrow();
        for (int i = 0; i < 1000; i++) {
            runQueue.accept(histograms);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100; i++) {
            runQueue.accept(histograms);
        }
        long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / 100;
        assertThat(perCall).as("bytes allocated per printed histogram of 2 CPUs").isLessThan(512);
    }
}
