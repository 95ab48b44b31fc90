package dev.asios.host.pci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.inspect.ConformanceDumps;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import org.junit.jupiter.api.Test;

/** PCI discovery on the recorded machines that carry a PCI tree. */
class PciReaderConformanceTest {

    @Test
    void readsTheIntelServerWithAnInfiniBandHca() {
        Sysroot sysroot = Sysroot.of(ConformanceDumps.sysroot("40intel64-2g2n4c+pcilocality"));
        PciTopology pci = new PciReader(new SysrootValues(sysroot)).read();

        assertThat(pci.devices()).hasSize(37);
        assertThat(pci.devices().stream().filter(PciDevice::pciBridge)).hasSize(14);
        PciDevice hca = pci.byAddress("0000:43:00.0").orElseThrow();
        assertThat(hca.kind()).isEqualTo(DeviceKind.NIC);
        assertThat(hca.className()).isEqualTo("InfiniBand");
        assertThat(hca.driver()).contains("ib_qib");
        assertThat(hca.numaNode()).hasValue(2);
        assertThat(hca.link().currentSpeedGtPerSec()).hasValue(8.0);
        assertThat(hca.link().currentWidthLanes()).hasValue(4);
        assertThat(hca.link().maxSpeedGtPerSec()).isEmpty();
        assertThat(hca.upstreamBridges()).extracting(PciAddress::toString).containsExactly("0000:40:03.0");
        assertThat(hca.netDevices()).containsExactly("ib0");
        assertThat(hca.portType()).isEmpty();
        assertThat(hca.acs()).isEmpty();
        assertThat(pci.nics()).extracting(PciDevice::netDevices).flatExtracting(names -> names)
                .containsExactly("eth0", "eth1", "eth2", "eth3", "ib0");
        assertThat(sysroot.diagnostics().warnings()).isEmpty();
    }

    @Test
    void tellsPciBridgesFromHostBridgesAndKeepsABmcDisplayOutOfTheGpus() {
        PciTopology pci = read("40intel64-2g2n4c+pcilocality");

        assertThat(pci.byAddress("0000:00:1e.0").orElseThrow().pciBridge()).isTrue();
        PciDevice hostBridge = pci.byAddress("0000:00:00.0").orElseThrow();
        assertThat(hostBridge.kind()).isEqualTo(DeviceKind.BRIDGE);
        assertThat(hostBridge.pciBridge()).isFalse();
        PciDevice matrox = pci.byAddress("0000:09:03.0").orElseThrow();
        assertThat(matrox.className()).isEqualTo("VGA compatible controller");
        assertThat(matrox.kind()).isEqualTo(DeviceKind.OTHER);
        assertThat(matrox.upstreamBridges()).extracting(PciAddress::toString).containsExactly("0000:00:1e.0");
        assertThat(pci.gpus()).isEmpty();
        assertThat(pci.byAddress("0000:01:00.0").orElseThrow().kind()).isEqualTo(DeviceKind.STORAGE);
    }

    @Test
    void readsTheInfiniBandPort() {
        PciTopology pci = read("40intel64-2g2n4c+pcilocality");

        assertThat(pci.rdmaDevices()).singleElement().satisfies(qib -> {
            assertThat(qib.name()).isEqualTo("qib0");
            assertThat(qib.pciAddress()).map(PciAddress::toString).contains("0000:43:00.0");
            assertThat(qib.netDevices()).containsExactly("ib0");
            assertThat(qib.ports()).singleElement().satisfies(port -> {
                assertThat(port.active()).isTrue();
                assertThat(port.physicalState()).contains("LinkUp");
                assertThat(port.linkLayer()).contains("InfiniBand");
                assertThat(port.rate()).contains(new RdmaRate(40.0, "4X QDR"));
                assertThat(port.netDevice()).isEmpty();
            });
        });
    }

    @Test
    void keepsDomainsWiderThanSixteenBitsAndFindsAVirtioInterface() {
        PciTopology pci = read("2pa-pcidomain32bits");

        assertThat(pci.devices()).hasSize(9);
        assertThat(pci.byAddress("10000:00:04.0")).hasValueSatisfying(d -> assertThat(d.kind()).isEqualTo(DeviceKind.STORAGE));
        assertThat(pci.byAddress("0000:00:03.0")).hasValueSatisfying(d -> assertThat(d.netDevices()).containsExactly("ens3"));
    }

    @Test
    void readsFunctionsRecordedAsPlainFoldersAndKnowsTheNvidiaDriversGpus() {
        PciTopology pci = read("nvidiagpunumanodes");

        assertThat(pci.devices()).hasSize(6).allSatisfy(d -> {
            assertThat(d.className()).isEqualTo("VGA compatible controller");
            assertThat(d.ids().vendorId()).as("from /proc/driver/nvidia/gpus").hasValue(DeviceKind.VENDOR_NVIDIA);
            assertThat(d.kind()).isEqualTo(DeviceKind.GPU);
            assertThat(d.upstreamBridges()).isEmpty();
        });
        assertThat(pci.byAddress("0007:00:00.0").orElseThrow().localCpus()).contains(CpuSet.parseList("88-103"));
    }

    private static PciTopology read(String dump) {
        return new PciReader(new SysrootValues(Sysroot.of(ConformanceDumps.sysroot(dump)))).read();
    }
}
