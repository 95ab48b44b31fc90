package dev.asios.health.signal;

import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import java.util.List;

/** Series set by hand under the collectors' family names, for tests of the extraction. */
final class HandFilled {

    private HandFilled() {
    }

    /** Sets every mode of a CPU's time to {@code seconds}. */
    static void cpu(MetricRegistry registry, String cpu, double seconds) {
        MetricFamily modes = registry.counter(CpuKind.SECONDS, "CPU time.", "seconds", "cpu", "mode");
        for (String mode : List.of("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal")) {
            modes.series(cpu, mode).set(seconds);
        }
    }

    /** Sets a disk's reads and writes completed. */
    static void disk(MetricRegistry registry, String device, double reads, double writes) {
        registry.counter(DiskKind.READS, "Reads completed by the disk.", null, "device").series(device).set(reads);
        registry.counter(DiskKind.WRITES, "Writes completed by the disk.", null, "device").series(device).set(writes);
    }
}
