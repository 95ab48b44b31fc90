package dev.asios.observe.gpu;

import static dev.asios.observe.gpu.FakeNvml.GPU0_UUID;
import static dev.asios.observe.gpu.FakeNvml.GPU1_UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asios.observe.collect.CollectorLoop;
import dev.asios.observe.metric.MetricRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NVML path end to end through FFM, on a fake libnvidia-ml.so.1 built with gcc. */
class NvmlGpuCollectorTest {

    @TempDir
    Path folder;

    private final MetricRegistry registry = new MetricRegistry();
    private final RegistryView view = new RegistryView(registry);

    private GpuCollector open(Path library) {
        return GpuCollector.open(registry, new GpuTelemetryOptions(Optional.of(library), "", Duration.ofSeconds(1)));
    }

    @Test
    void readsEveryMetricOfBothGpus() throws Exception {
        try (GpuCollector collector = open(FakeNvml.build(folder))) {
            assertThat(collector.availability().available()).as(collector.availability().reason()).isTrue();
            assertThat(collector.source()).contains("nvml");
            collector.collect();

            assertThat(view.value("asios_gpu_utilization_ratio", "0", GPU0_UUID)).isEqualTo(0.45);
            assertThat(view.value("asios_gpu_memory_utilization_ratio", "0", GPU0_UUID)).isEqualTo(0.30);
            assertThat(view.value("asios_gpu_memory_used_bytes", "0", GPU0_UUID)).isEqualTo(21474213888.0);
            assertThat(view.value("asios_gpu_memory_total_bytes", "0", GPU0_UUID)).isEqualTo(85520809984.0);
            assertThat(view.value("asios_gpu_power_watts", "0", GPU0_UUID)).isCloseTo(350.125, within(1e-9));
            assertThat(view.value("asios_gpu_sm_clock_hertz", "0", GPU0_UUID)).isEqualTo(1.98e9);
            assertThat(view.value("asios_gpu_memory_clock_hertz", "0", GPU0_UUID)).isEqualTo(2.619e9);
            assertThat(view.value("asios_gpu_temperature_celsius", "1", GPU1_UUID)).isEqualTo(33);
            assertThat(view.value("asios_gpu_temperature_slowdown_celsius", "0", GPU0_UUID)).isEqualTo(87);
            assertThat(view.value("asios_gpu_temperature_slowdown_celsius", "1", GPU1_UUID)).as("not supported").isNaN();
            assertThat(view.value("asios_gpu_throttle_active", "0", GPU0_UUID, "sw_power_cap")).isEqualTo(1);
            assertThat(view.value("asios_gpu_throttle_active", "0", GPU0_UUID, "gpu_idle")).isZero();
            assertThat(view.value("asios_gpu_throttle_active", "1", GPU1_UUID, "gpu_idle")).isEqualTo(1);
            assertThat(view.value("asios_gpu_ecc_errors", "0", GPU0_UUID, "corrected")).isEqualTo(3);
            assertThat(view.value("asios_gpu_ecc_errors", "0", GPU0_UUID, "uncorrected")).isZero();

            String text = view.scrape();
            assertThat(text)
                    .contains("asios_gpu_info{gpu=\"0\",uuid=\"" + GPU0_UUID + "\",name=\"NVIDIA H100 80GB HBM3\",source=\"nvml\",pci=\"0000:3b:00.0\"} 1.0")
                    .contains("asios_gpu_info{gpu=\"1\",uuid=\"" + GPU1_UUID + "\",name=\"NVIDIA A10G\",source=\"nvml\",pci=\"0000:86:00.0\"} 1.0")
                    .contains("asios_gpu_power_watts{gpu=\"0\"")
                    .doesNotContain("asios_gpu_power_watts{gpu=\"1\"")
                    .doesNotContain("asios_gpu_ecc_errors_total{gpu=\"1\"")
                    .contains("# TYPE asios_gpu_ecc_errors_total counter");
        }
    }

    @Test
    void prefersTheNewerNameOfTheThrottleReasonsWhereTheDriverHasIt() throws Exception {
        try (GpuCollector collector = open(FakeNvml.build(folder, "FAKE_EVENT_REASONS"))) {
            collector.collect();
            assertThat(view.value("asios_gpu_throttle_active", "0", GPU0_UUID, "sw_thermal_slowdown")).isEqualTo(1);
            assertThat(view.value("asios_gpu_throttle_active", "0", GPU0_UUID, "sw_power_cap")).isZero();
        }
    }

    @Test
    void countsNvlinkTrafficOfActiveLinksInBytes() throws Exception {
        try (GpuCollector collector = open(FakeNvml.build(folder))) {
            collector.collect();
            // The fake's counters: transmit 2 * 1000 KiB + link, receive 1000 KiB + link, growing by that much per read.
            assertThat(view.value("asios_gpu_nvlink_transmit_bytes", "0", GPU0_UUID, "0")).isEqualTo(2000 * 1024.0);
            assertThat(view.value("asios_gpu_nvlink_receive_bytes", "0", GPU0_UUID, "2")).isEqualTo(1002 * 1024.0);
            collector.collect();
            assertThat(view.value("asios_gpu_nvlink_transmit_bytes", "0", GPU0_UUID, "3")).isEqualTo(4003 * 1024.0);

            String text = view.scrape();
            assertThat(text).contains("asios_gpu_nvlink_transmit_bytes_total{gpu=\"0\",uuid=\"" + GPU0_UUID + "\",link=\"3\"")
                    .doesNotContain("asios_gpu_nvlink_receive_bytes_total{gpu=\"0\",uuid=\"" + GPU0_UUID + "\",link=\"3\"")
                    .doesNotContain("link=\"4\"")
                    .doesNotContain("asios_gpu_nvlink_transmit_bytes_total{gpu=\"1\"");
        }
    }

    @Test
    void countsXidEventsPerGpuAndCode() throws Throwable {
        Path library = FakeNvml.build(folder);
        try (GpuCollector collector = open(library)) {
            collector.collect();
            assertThat(view.value("asios_gpu_xid_events", "1", GPU1_UUID, "79")).isEqualTo(1);
            collector.collect();
            assertThat(view.value("asios_gpu_xid_events", "1", GPU1_UUID, "79")).isEqualTo(1);

            FakeNvml.raiseXid(library, 1, 79);
            FakeNvml.raiseXid(library, 0, 13);
            FakeNvml.raiseXid(library, 1, 79);
            collector.collect();
            assertThat(view.value("asios_gpu_xid_events", "1", GPU1_UUID, "79")).isEqualTo(3);
            assertThat(view.value("asios_gpu_xid_events", "0", GPU0_UUID, "13")).isEqualTo(1);
            assertThat(view.scrape()).contains("asios_gpu_xid_events_total{gpu=\"1\",uuid=\"" + GPU1_UUID + "\",xid=\"79\"} 3.0");
        }
    }

    @Test
    void runsInTheCollectorLoop() throws Exception {
        try (GpuCollector collector = open(FakeNvml.build(folder));
                CollectorLoop loop = new CollectorLoop(List.of(collector), Duration.ofSeconds(1), registry)) {
            assertThat(loop.doWork()).isEqualTo(1);
            assertThat(loop.status()).singleElement().satisfies(status -> {
                assertThat(status.name()).isEqualTo("gpu");
                assertThat(status.collections()).isEqualTo(1);
                assertThat(status.errors()).isZero();
            });
        }
    }

    @Test
    void closeShutsNvmlDownOnce() throws Throwable {
        Path library = FakeNvml.build(folder);
        GpuCollector collector = open(library);
        collector.collect();
        assertThat(FakeNvml.shutdowns(library)).as("before close; the hook keeps the library loaded").isZero();
        collector.close();
        collector.close();

        assertThat(FakeNvml.shutdowns(library)).isEqualTo(1);
        assertThatThrownBy(collector::collect).isInstanceOf(GpuTelemetryException.class).hasMessage("the GPU collector is closed");
    }

    @Test
    void anErrorIsReportedWithNvmlsWordsAndTheOtherReadingsAreStillSet() throws Exception {
        try (GpuCollector collector = open(FakeNvml.build(folder, "FAKE_POWER_RC_GPU0=4"))) {
            assertThatThrownBy(collector::collect).isInstanceOf(GpuTelemetryException.class)
                    .hasMessage("GPU 0 nvmlDeviceGetPowerUsage: Insufficient Permissions (NVML error 4)");
            assertThat(view.value("asios_gpu_power_watts", "0", GPU0_UUID)).isNaN();
            assertThat(view.value("asios_gpu_utilization_ratio", "0", GPU0_UUID)).isEqualTo(0.45);
            assertThat(view.value("asios_gpu_xid_events", "1", GPU1_UUID, "79")).isEqualTo(1);
        }
    }

    @Test
    void aGpuThatCannotBeOpenedIsLeftOutAndNamedOnceTheOthersAreWatched() throws Exception {
        try (GpuCollector collector = open(FakeNvml.build(folder, "FAKE_UUID_RC_GPU1=15"))) {
            assertThat(collector.availability().available()).isTrue();
            assertThatThrownBy(collector::collect).isInstanceOf(GpuTelemetryException.class)
                    .hasMessage("GPU 1 nvmlDeviceGetUUID: GPU is lost (NVML error 15); this GPU is left out");
            collector.collect();
            assertThat(view.value("asios_gpu_utilization_ratio", "0", GPU0_UUID)).isEqualTo(0.45);
            assertThat(view.scrape()).doesNotContain("gpu=\"1\"");
        }
    }

    @Test
    void aShutdownNvmlRefusesIsReportedOnce() throws Exception {
        GpuCollector collector = open(FakeNvml.build(folder, "FAKE_SHUTDOWN_RC=1"));
        assertThatThrownBy(collector::close).isInstanceOf(GpuTelemetryException.class).hasMessage("nvmlShutdown: Uninitialized (NVML error 1)");
        collector.close();
        assertThatThrownBy(collector::collect).hasMessage("the GPU collector is closed");
    }

    @Test
    void aDriverThatDoesNotInitializeLeavesTheCollectorUnavailableWithNvmlsReason() throws Exception {
        try (GpuCollector collector = open(FakeNvml.build(folder, "FAKE_INIT_RC=9"))) {
            assertThat(collector.availability().available()).isFalse();
            assertThat(collector.availability().reason())
                    .startsWith("no NVIDIA GPU telemetry: nvmlInit_v2 failed: Driver Not Loaded (NVML error 9), and nvidia-smi is not on the search path ''")
                    .endsWith("AMD (amd-smi) and Intel (xpu-smi) GPUs are not supported yet");
            assertThatThrownBy(collector::collect).isInstanceOf(GpuTelemetryException.class).hasMessageContaining("nvmlInit_v2 failed");
        }
    }

    @Test
    void aLibraryThatDoesNotLoadIsNamedWithTheLoadersReason() throws Exception {
        try (GpuCollector collector = open(folder.resolve("absent/libnvidia-ml.so.1"))) {
            assertThat(collector.availability().reason()).contains("absent/libnvidia-ml.so.1 does not load (" + folder
                    + "/absent/libnvidia-ml.so.1: cannot open shared object file: No such file or directory)");
        }
    }

    @Test
    void aLibraryWithoutNvmlsFunctionsIsRefused() throws Exception {
        try (GpuCollector collector = open(FakeNvml.buildEmpty(folder))) {
            assertThat(collector.availability().reason()).contains("libnvidia-ml.so.1 loads but has no nvmlErrorString; the NVIDIA driver is too old");
        }
    }
}
