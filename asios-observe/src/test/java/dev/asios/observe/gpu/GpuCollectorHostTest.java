package dev.asios.observe.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.observe.metric.MetricRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The source the collector chooses on this machine, with the production defaults: NVML by soname,
 * {@code nvidia-smi} on {@code PATH}. On a host without an NVIDIA driver it is unavailable and
 * says why in the loader's and the shell's terms; on one with a driver it collects.
 */
@Tag("host")
class GpuCollectorHostTest {

    @Test
    void choosesASourceOrSaysWhyThereIsNone() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        try (GpuCollector collector = GpuCollector.open(registry)) {
            if (collector.availability().available()) {
                assertThat(collector.source().orElseThrow()).isIn("nvml", "nvidia-smi");
                collector.collect();
                assertThat(registry.family("asios_gpu_info").orElseThrow().allSeries()).isNotEmpty();
                return;
            }
            assertThat(collector.source()).isEmpty();
            assertThat(collector.availability().reason())
                    .startsWith("no NVIDIA GPU telemetry: ")
                    .containsPattern("libnvidia-ml\\.so\\.1 does not load \\(libnvidia-ml\\.so\\.1: .+\\)|libnvidia-ml\\.so\\.1 loads but|nvmlInit_v2 failed|NVML")
                    .containsPattern(", and nvidia-smi (is not on PATH|exited|did not finish|printed|could not start)")
                    .contains("AMD", "Intel");
        }
    }
}
