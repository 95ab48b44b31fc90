package dev.asios.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.inspect.HostInspector;
import dev.asios.host.pci.PciAddress;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuAddressesTest {

    @TempDir
    Path root;

    @Test
    void theAddressTheGpuCollectorReportsWinsOverBusOrder() {
        MetricRegistry registry = new MetricRegistry();
        MetricFamily info = registry.gauge("asios_gpu_info", "Info.", null, "gpu", "uuid", "name", "source", "pci");
        info.series("0", "GPU-a", "NVIDIA H100", "nvml", "0000:86:00.0").set(1);
        info.series("1", "GPU-b", "NVIDIA H100", "nvml", "").set(1);
        GpuAddresses addresses = new GpuAddresses(() -> new HostInspector(new SysfsTree(root).folder("/sys/bus/pci/devices").sysroot()).inspect(), registry);

        assertThat(addresses.apply("0")).hasValue(PciAddress.parse("0000:86:00.0"));
        assertThat(addresses.apply("1")).as("not reported, and no NVIDIA GPU on this bus").isEmpty();
        assertThat(addresses.apply("x1")).isEmpty();
        assertThat(addresses.apply("")).isEmpty();
    }
}
