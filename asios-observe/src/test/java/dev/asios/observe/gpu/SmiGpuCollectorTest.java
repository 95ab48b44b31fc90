package dev.asios.observe.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.observe.metric.MetricRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nvidia-smi path, on fake nvidia-smi scripts; NVML is pointed at a file that does not exist. */
class SmiGpuCollectorTest {

    private static final String H100 = "GPU-6d0f5b46-1f8a-4c0e-9a34-7ea2f1c0aa01";
    private static final String A10G = "GPU-0c2f4e1d-2b7c-4d6e-8f90-1a2b3c4d5e02";

    @TempDir
    Path folder;

    private final MetricRegistry registry = new MetricRegistry();
    private final RegistryView view = new RegistryView(registry);

    private GpuCollector open(Duration timeout) {
        return GpuCollector.open(registry, new GpuTelemetryOptions(Optional.of(folder.resolve("no-nvml/libnvidia-ml.so.1")), folder.toString(), timeout));
    }

    @Test
    void readsTheQueryOfTwoGpusAndLeavesNotAvailableFieldsOut() throws Exception {
        FakeSmi.printing(folder, "nvidia-smi-query-two-gpus.csv");
        try (GpuCollector collector = open(Duration.ofSeconds(5))) {
            assertThat(collector.availability().available()).as(collector.availability().reason()).isTrue();
            assertThat(collector.source()).contains("nvidia-smi");
            collector.collect();

            assertThat(view.value("asios_gpu_utilization_ratio", "0", H100)).isEqualTo(0.45);
            assertThat(view.value("asios_gpu_memory_used_bytes", "0", H100)).isEqualTo(20480.0 * 1024 * 1024);
            assertThat(view.value("asios_gpu_memory_total_bytes", "1", A10G)).isEqualTo(23028.0 * 1024 * 1024);
            assertThat(view.value("asios_gpu_power_watts", "0", H100)).isEqualTo(350.12);
            assertThat(view.value("asios_gpu_sm_clock_hertz", "1", A10G)).isEqualTo(210e6);
            assertThat(view.value("asios_gpu_throttle_active", "0", H100, "sw_power_cap")).isEqualTo(1);
            assertThat(view.value("asios_gpu_ecc_errors", "0", H100, "corrected")).isZero();
            assertThat(view.scrape())
                    .contains("asios_gpu_info{gpu=\"1\",uuid=\"" + A10G + "\",name=\"NVIDIA A10G\",source=\"nvidia-smi\",pci=\"0000:86:00.0\"} 1.0")
                    .doesNotContain("asios_gpu_power_watts{gpu=\"1\"")
                    .doesNotContain("asios_gpu_ecc_errors_total{gpu=\"1\"")
                    .doesNotContain("asios_gpu_xid_events_total")
                    .doesNotContain("asios_gpu_nvlink");
        }
    }

    @Test
    void aGpuThatGoesAwayLosesItsSeries() throws Exception {
        FakeSmi.printing(folder, "nvidia-smi-query-two-gpus.csv");
        try (GpuCollector collector = open(Duration.ofSeconds(5))) {
            collector.collect();
            Files.writeString(folder.resolve("gpus.csv"), Files.readAllLines(folder.resolve("gpus.csv")).getFirst() + "\n");
            collector.collect();

            assertThat(view.scrape()).contains("uuid=\"" + H100 + "\"").doesNotContain(A10G);
        }
    }

    @Test
    void aHangingNvidiaSmiIsKilledWithItsChildrenAtItsLimit() throws Exception {
        FakeSmi.printing(folder, "nvidia-smi-query-two-gpus.csv");
        Files.writeString(folder.resolve("hang"), "");
        long start = System.nanoTime();
        try (GpuCollector collector = open(Duration.ofMillis(300))) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(collector.availability().reason()).contains("nvidia-smi did not finish within 300 ms and was killed");
        }
        long sleepPid = Long.parseLong(Files.readString(folder.resolve("sleep.pid")).strip());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ProcessHandle.of(sleepPid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ProcessHandle.of(sleepPid).map(ProcessHandle::isAlive)).as("the script's child sleep was killed too").isNotEqualTo(Optional.of(true));
    }

    @Test
    void aHangAfterStartFailsThatCollectionOnly() throws Exception {
        FakeSmi.printing(folder, "nvidia-smi-query-two-gpus.csv");
        try (GpuCollector collector = open(Duration.ofMillis(300))) {
            collector.collect();
            Files.writeString(folder.resolve("hang"), "");
            assertThatThrownBy(collector::collect).isInstanceOf(GpuTelemetryException.class).hasMessageContaining("did not finish within 300 ms");
            Files.delete(folder.resolve("hang"));
            collector.collect();
            assertThat(view.value("asios_gpu_utilization_ratio", "0", H100)).isEqualTo(0.45);
        }
    }

    @Test
    void aDriverThatIsNotLoadedLeavesTheCollectorUnavailableInNvidiaSmisWords() throws Exception {
        FakeSmi.script(folder, "nvidia-smi", """
                echo "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running."
                echo
                exit 9
                """);
        try (GpuCollector collector = open(Duration.ofSeconds(5))) {
            assertThat(collector.availability().available()).isFalse();
            assertThat(collector.availability().reason()).startsWith("no NVIDIA GPU telemetry: " + folder + "/no-nvml/libnvidia-ml.so.1 does not load (")
                    .contains(", and nvidia-smi exited 9: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure");
        }
    }

    @Test
    void outputItCannotReadIsReportedNotGuessed() throws Exception {
        FakeSmi.script(folder, "nvidia-smi", "echo 'No devices were found, or so'\n");
        try (GpuCollector collector = open(Duration.ofSeconds(5))) {
            assertThat(collector.availability().reason()).contains("nvidia-smi printed what ASIOS cannot read: 'No devices were found, or so' has 2 fields");
        }
    }

    @Test
    void amdAndIntelToolsOnThePathAreNamedAsNotSupportedYet() throws Exception {
        FakeSmi.script(folder, "amd-smi", "exit 0\n");
        try (GpuCollector collector = open(Duration.ofSeconds(5))) {
            assertThat(collector.availability().reason()).contains("nvidia-smi is not on the search path '" + folder + "'")
                    .endsWith("; amd-smi is on the search path '" + folder + "', but AMD and Intel GPUs are not supported yet");
        }
    }

    @Test
    void refusesATimeoutOutsideItsBounds() {
        assertThatThrownBy(() -> new GpuTelemetryOptions(Optional.empty(), "", Duration.ofMillis(50)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("GPU command timeout 50 ms is outside 100 ms .. 60 s");
    }
}
