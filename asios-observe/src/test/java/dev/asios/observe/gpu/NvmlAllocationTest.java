package dev.asios.observe.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.observe.metric.MetricRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A collection through NVML allocates next to nothing once warm: about 25 native calls, no objects. */
class NvmlAllocationTest {

    private static final int WARM_UP = 5_000;
    private static final int MEASURED = 1_000;

    @TempDir
    Path folder;

    @Test
    void aCollectionAllocatesLessThan64BytesAfterWarmUp() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (GpuCollector collector = GpuCollector.open(new MetricRegistry(),
                new GpuTelemetryOptions(Optional.of(FakeNvml.build(folder)), "", Duration.ofSeconds(1)))) {
            for (int i = 0; i < WARM_UP; i++) {
                collector.collect();
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < MEASURED; i++) {
                collector.collect();
            }
            long perCollection = (threads.getCurrentThreadAllocatedBytes() - before) / MEASURED;
            assertThat(perCollection).as("bytes allocated per collection of 2 GPUs").isLessThan(64);
        }
    }
}
