package dev.asios.run.place;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciDevice;
import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkClassifierTest {

    @Test
    void classifiesTheEightGpuServerAsNvidiaSmiDoes(@TempDir Path root) {
        HostSnapshot host = EightGpuServer.write(new SysfsTree(root));
        LinkClassifier links = new LinkClassifier(host, EightGpuServer.links());

        assertThat(links.classify(gpu(host, 0), gpu(host, 1))).isEqualTo(LinkClass.PIX);
        assertThat(links.classify(gpu(host, 0), gpu(host, 2))).isEqualTo(LinkClass.NVLINK);
        assertThat(links.pcie(gpu(host, 0), gpu(host, 2))).isEqualTo(LinkClass.NODE);
        assertThat(links.classify(gpu(host, 0), gpu(host, 3))).isEqualTo(LinkClass.NODE);
        assertThat(links.classify(gpu(host, 0), gpu(host, 4))).isEqualTo(LinkClass.SYS);
        assertThat(links.nvlinks(gpu(host, 1), gpu(host, 3))).isEqualTo(8);
        assertThat(links.rank(gpu(host, 1), gpu(host, 3))).isGreaterThan(links.rank(gpu(host, 0), gpu(host, 2)));
        assertThat(links.classify(gpu(host, 0), host.pci().byAddress("0000:1a:00.0").orElseThrow())).isEqualTo(LinkClass.PIX);
    }

    @Test
    void nestedSwitchesArePxbAndSeparateRootPortsArePhb(@TempDir Path root) {
        String rootPort = "/sys/devices/pci0000:00/0000:00:01.0";
        String outerUp = rootPort + "/0000:01:00.0";
        String innerA = outerUp + "/0000:02:00.0/0000:03:00.0";
        String innerB = outerUp + "/0000:02:01.0/0000:05:00.0";
        String otherRootPort = "/sys/devices/pci0000:00/0000:00:02.0";
        RecordedHost recorded = new RecordedHost(new SysfsTree(root))
                .cpus(4, "processor\t: 0\n\n", cpu -> 0, cpu -> cpu)
                .onlineNodes("0").node(0, CpuSet.parseList("0-3"), 4, 1048576, 1048576, 0, "10")
                .bridge(rootPort).bridge(outerUp).bridge(outerUp + "/0000:02:00.0").bridge(innerA)
                .bridge(outerUp + "/0000:02:01.0").bridge(innerB)
                .bridge(innerA + "/0000:04:00.0").bridge(innerB + "/0000:06:00.0").bridge(otherRootPort)
                .endpoint(innerA + "/0000:04:00.0/0000:07:00.0", "0x030200", "0x10de", -1, "0-3")
                .endpoint(innerB + "/0000:06:00.0/0000:08:00.0", "0x030200", "0x10de", -1, "0-3")
                .endpoint(otherRootPort + "/0000:09:00.0", "0x030200", "0x10de", -1, "0-3");
        HostSnapshot host = recorded.inspect();
        LinkClassifier links = new LinkClassifier(host, GpuLinks.NONE);

        assertThat(links.classify(gpu(host, 0), gpu(host, 1))).isEqualTo(LinkClass.PXB);
        assertThat(links.classify(gpu(host, 0), gpu(host, 2))).isEqualTo(LinkClass.PHB);
    }

    @Test
    void labelsAreThoseOfNvidiaSmi() {
        assertThat(LinkClass.NVLINK.label()).isEqualTo("NV");
        assertThat(LinkClass.ofPcieLabel("SOC")).hasValue(LinkClass.SYS);
        assertThat(LinkClass.ofPcieLabel("NODE")).hasValue(LinkClass.NODE);
        assertThat(LinkClass.ofPcieLabel("NV")).isEmpty();
    }

    private static PciDevice gpu(HostSnapshot host, int index) {
        return host.pci().gpus().get(index);
    }
}
