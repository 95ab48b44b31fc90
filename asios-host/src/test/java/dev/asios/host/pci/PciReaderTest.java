package dev.asios.host.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Diagnostics;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PciReaderTest {

    private static final String ROOT_BUS = "/sys/devices/pci0000:00";
    private static final String ROOT_PORT = ROOT_BUS + "/0000:00:01.0";
    private static final String SWITCH_UP = ROOT_PORT + "/0000:01:00.0";
    private static final String SWITCH_DOWN = SWITCH_UP + "/0000:02:08.0";
    private static final String GPU = SWITCH_DOWN + "/0000:03:00.0";
    private static final String NVME = ROOT_BUS + "/0000:00:02.0";
    private static final String NIC = ROOT_BUS + "/0000:00:03.0";
    private static final String VIRTIO_NIC = ROOT_BUS + "/0000:00:04.0";
    private static final String GARBLED = ROOT_BUS + "/0000:00:05.0";
    private static final String GARBLED_BUS_PATH = "/sys/bus/pci/devices/0000:00:05.0";
    private static final int ACS_RR_CR = 0b1100;

    @TempDir
    Path root;

    private SysfsTree tree;

    @BeforeEach
    void buildTree() {
        tree = new SysfsTree(root).folder("/sys/bus/pci/drivers/nvidia").folder("/sys/bus/pci/drivers/pcieport");
        function(ROOT_BUS + "/0000:00:00.0", "0x060000", "0x8086").bytes(ROOT_BUS + "/0000:00:00.0/config", new byte[64]);
        function(ROOT_PORT, "0x060400", "0x8086")
                .bytes(ROOT_PORT + "/config", new ConfigSpaceBuilder(4096).headerType(1).pciExpress(4).acs(0x100, 0x5f, ACS_RR_CR).build())
                .link(ROOT_PORT + "/driver", "../../../bus/pci/drivers/pcieport")
                .file(ROOT_PORT + "/numa_node", "0\n")
                .file(ROOT_PORT + "/local_cpulist", "0-7\n");
        function(SWITCH_UP, "0x060400", "0x10b5").bytes(SWITCH_UP + "/config", new ConfigSpaceBuilder(64).headerType(1).build());
        function(SWITCH_DOWN, "0x060400", "0x10b5")
                .bytes(SWITCH_DOWN + "/config", new ConfigSpaceBuilder(4096).headerType(1).pciExpress(6).acs(0x100, 0x5f, 0).build());
        gpu();
        nvme();
        nics();
        garbled();
    }

    @Test
    void readsEveryFunctionByAddress() {
        PciTopology topology = read();

        assertThat(topology.devices()).extracting(d -> d.address().toString()).containsExactly(
                "0000:00:00.0", "0000:00:01.0", "0000:00:02.0", "0000:00:03.0", "0000:00:04.0", "0000:00:05.0",
                "0000:01:00.0", "0000:02:08.0", "0000:03:00.0");
    }

    @Test
    void describesAGpuBehindASwitch() {
        PciDevice gpu = read().byAddress("0000:03:00.0").orElseThrow();

        assertThat(gpu.kind()).isEqualTo(DeviceKind.GPU);
        assertThat(gpu.className()).isEqualTo("3D controller");
        assertThat(gpu.classCode()).hasValue(0x030200);
        assertThat(gpu.ids()).isEqualTo(new PciIds(OptionalInt.of(0x10de), OptionalInt.of(0x2330), OptionalInt.of(0x10de), OptionalInt.of(0x16c1)));
        assertThat(gpu.driver()).contains("nvidia");
        assertThat(gpu.numaNode()).hasValue(1);
        assertThat(gpu.localCpus()).contains(CpuSet.parseList("8-15"));
        assertThat(gpu.link().currentSpeedGtPerSec()).hasValue(16.0);
        assertThat(gpu.link().currentWidthLanes()).hasValue(16);
        assertThat(gpu.link().maxSpeedGtPerSec()).hasValue(32.0);
        assertThat(gpu.link().maxWidthLanes()).hasValue(16);
        assertThat(gpu.link().belowMaximum()).isTrue();
        assertThat(gpu.pciBridge()).isFalse();
        assertThat(gpu.upstreamBridges()).extracting(PciAddress::toString).containsExactly("0000:02:08.0", "0000:01:00.0", "0000:00:01.0");
        assertThat(gpu.portType()).isEmpty();
        assertThat(gpu.acs()).isEmpty();
    }

    @Test
    void readsBridgesPortTypesAndAcs() {
        PciTopology topology = read();
        PciDevice rootPort = topology.byAddress("0000:00:01.0").orElseThrow();
        PciDevice downstream = topology.byAddress("0000:02:08.0").orElseThrow();
        PciDevice hostBridge = topology.byAddress("0000:00:00.0").orElseThrow();

        assertThat(rootPort.pciBridge()).isTrue();
        assertThat(rootPort.portType()).contains(PciePortType.ROOT_PORT);
        assertThat(rootPort.acs()).hasValueSatisfying(acs -> assertThat(acs.redirectsPeerToPeer()).isTrue());
        assertThat(rootPort.driver()).contains("pcieport");
        assertThat(rootPort.upstreamBridges()).isEmpty();
        assertThat(downstream.portType()).contains(PciePortType.SWITCH_DOWNSTREAM_PORT);
        assertThat(downstream.acs()).hasValueSatisfying(acs -> {
            assertThat(acs.present()).isTrue();
            assertThat(acs.redirectsPeerToPeer()).isFalse();
        });
        assertThat(hostBridge.kind()).isEqualTo(DeviceKind.BRIDGE);
        assertThat(hostBridge.pciBridge()).isFalse();
    }

    @Test
    void readsTheNvmeControllerAndItsNamespaces() {
        PciTopology topology = read();
        PciDevice nvme = topology.byAddress("0000:00:02.0").orElseThrow();

        assertThat(topology.nvmeControllers()).containsExactly(nvme);
        assertThat(nvme.nvmeController()).contains(new NvmeController("nvme0", List.of("nvme0n1", "nvme1n2")));
        assertThat(nvme.numaNode()).isEmpty();
        assertThat(nvme.localCpus()).contains(CpuSet.parseList("0-7"));
    }

    @Test
    void findsNetworkInterfacesInTheFunctionAndBelowIt() {
        PciTopology topology = read();

        assertThat(topology.nics()).extracting(d -> d.address().toString(), PciDevice::netDevices).containsExactly(
                tuple("0000:00:03.0", List.of("eth0")),
                tuple("0000:00:04.0", List.of("ens4")));
    }

    @Test
    void readsRdmaDevicesWithTheirPortsAndInterfaces() {
        PciTopology topology = read();

        assertThat(topology.rdmaDevices()).extracting(RdmaDevice::name).containsExactly("mlx5_0", "rxe0");
        RdmaDevice mlx = topology.rdmaDevices().getFirst();
        assertThat(mlx.pciAddress()).map(PciAddress::toString).contains("0000:00:03.0");
        assertThat(mlx.netDevices()).containsExactly("eth0");
        assertThat(mlx.ports()).singleElement().satisfies(port -> {
            assertThat(port.number()).isEqualTo(1);
            assertThat(port.active()).isTrue();
            assertThat(port.physicalState()).contains("LinkUp");
            assertThat(port.linkLayer()).contains("Ethernet");
            assertThat(port.rate()).contains(new RdmaRate(100.0, "4X EDR"));
            assertThat(port.netDevice()).contains("eth0");
        });
        RdmaDevice soft = topology.rdmaDevices().getLast();
        assertThat(soft.pciAddress()).isEmpty();
        assertThat(soft.ports()).singleElement().satisfies(port -> {
            assertThat(port.active()).isFalse();
            assertThat(port.netDevice()).isEmpty();
        });
    }

    @Test
    void keepsAGarbledFunctionAndWarnsAboutEachBadFile() {
        Sysroot sysroot = Sysroot.of(root);
        PciDevice garbled = new PciReader(new SysrootValues(sysroot)).read().byAddress("0000:00:05.0").orElseThrow();

        assertThat(garbled.classCode()).isEmpty();
        assertThat(garbled.kind()).isEqualTo(DeviceKind.OTHER);
        assertThat(garbled.ids().vendorId()).isEmpty();
        assertThat(garbled.link().currentSpeedGtPerSec()).isEmpty();
        assertThat(garbled.numaNode()).isEmpty();
        assertThat(garbled.acs()).isEmpty();
        assertThat(sysroot.diagnostics().warnings()).extracting(Diagnostics.Warning::path).containsExactlyInAnyOrder(
                GARBLED_BUS_PATH + "/class", GARBLED_BUS_PATH + "/vendor", GARBLED_BUS_PATH + "/current_link_speed",
                GARBLED_BUS_PATH + "/numa_node", GARBLED_BUS_PATH + "/config", "/sys/bus/pci/devices/not-an-address");
    }

    @Test
    void anEmptyTreeHasNoDevices(@TempDir Path empty) {
        new SysfsTree(empty).folder("/sys");

        PciTopology topology = new PciReader(new SysrootValues(Sysroot.of(empty))).read();

        assertThat(topology.devices()).isEmpty();
        assertThat(topology.rdmaDevices()).isEmpty();
    }

    @Test
    void aBridgeIsAPciToPciClassWithATypeOneHeaderOrAnUnreadableOne() {
        assertThat(PciReader.isPciBridge(OptionalInt.of(0x060400), OptionalInt.of(1))).isTrue();
        assertThat(PciReader.isPciBridge(OptionalInt.of(0x060401), OptionalInt.of(1))).isTrue();
        assertThat(PciReader.isPciBridge(OptionalInt.of(0x060900), OptionalInt.of(1))).isTrue();
        assertThat(PciReader.isPciBridge(OptionalInt.of(0x060400), OptionalInt.empty())).isTrue();
        assertThat(PciReader.isPciBridge(OptionalInt.of(0x060400), OptionalInt.of(0))).isFalse();
        assertThat(PciReader.isPciBridge(OptionalInt.of(0x060000), OptionalInt.of(0))).isFalse();
        assertThat(PciReader.isPciBridge(OptionalInt.empty(), OptionalInt.of(1))).isFalse();
    }

    private PciTopology read() {
        return new PciReader(new SysrootValues(Sysroot.of(root))).read();
    }

    private SysfsTree function(String dir, String classCode, String vendor) {
        String name = dir.substring(dir.lastIndexOf('/') + 1);
        return tree.file(dir + "/class", classCode + "\n")
                .file(dir + "/vendor", vendor + "\n")
                .link("/sys/bus/pci/devices/" + name, "../../../devices" + dir.substring("/sys/devices".length()));
    }

    private void gpu() {
        function(GPU, "0x030200", "0x10de")
                .file(GPU + "/device", "0x2330\n")
                .file(GPU + "/subsystem_vendor", "0x10de\n")
                .file(GPU + "/subsystem_device", "0x16c1\n")
                .bytes(GPU + "/config", new byte[64])
                .link(GPU + "/driver", "../../../../../../bus/pci/drivers/nvidia")
                .file(GPU + "/numa_node", "1\n")
                .file(GPU + "/local_cpulist", "8-15\n")
                .file(GPU + "/local_cpus", "0000ff00\n")
                .file(GPU + "/current_link_speed", "16.0 GT/s PCIe\n")
                .file(GPU + "/current_link_width", "16\n")
                .file(GPU + "/max_link_speed", "32.0 GT/s PCIe\n")
                .file(GPU + "/max_link_width", "16\n");
    }

    private void nvme() {
        function(NVME, "0x010802", "0x144d")
                .file(NVME + "/numa_node", "-1\n")
                .file(NVME + "/local_cpus", "000000ff\n")
                .folder(NVME + "/nvme/nvme0/nvme0n1")
                .folder(NVME + "/nvme/nvme0/nvme1c0n2")
                .folder(NVME + "/nvme/nvme0/power")
                .file(NVME + "/nvme/nvme0/model", "Samsung SSD\n")
                .link("/sys/class/nvme/nvme0", "../../devices/pci0000:00/0000:00:02.0/nvme/nvme0");
    }

    private void nics() {
        function(NIC, "0x020000", "0x15b3")
                .folder(NIC + "/net/eth0")
                .link("/sys/class/net/eth0", "../../devices/pci0000:00/0000:00:03.0/net/eth0")
                .link(NIC + "/infiniband/mlx5_0/device", "../../../0000:00:03.0")
                .file(NIC + "/infiniband/mlx5_0/ports/1/state", "4: ACTIVE\n")
                .file(NIC + "/infiniband/mlx5_0/ports/1/phys_state", "5: LinkUp\n")
                .file(NIC + "/infiniband/mlx5_0/ports/1/link_layer", "Ethernet\n")
                .file(NIC + "/infiniband/mlx5_0/ports/1/rate", "100 Gb/sec (4X EDR)\n")
                .file(NIC + "/infiniband/mlx5_0/ports/1/gid_attrs/ndevs/0", "eth0\n")
                .link("/sys/class/infiniband/mlx5_0", "../../devices/pci0000:00/0000:00:03.0/infiniband/mlx5_0")
                .file("/sys/devices/virtual/infiniband/rxe0/ports/1/state", "1: DOWN\n")
                .file("/sys/devices/virtual/infiniband/rxe0/ports/1/link_layer", "Ethernet\n")
                .link("/sys/class/infiniband/rxe0", "../../devices/virtual/infiniband/rxe0")
                .folder("/sys/devices/virtual/net/lo")
                .link("/sys/class/net/lo", "../../devices/virtual/net/lo");
        function(VIRTIO_NIC, "0x020000", "0x1af4")
                .folder(VIRTIO_NIC + "/virtio0/net/ens4")
                .link("/sys/class/net/ens4", "../../devices/pci0000:00/0000:00:04.0/virtio0/net/ens4");
    }

    private void garbled() {
        byte[] loopingConfig = new ConfigSpaceBuilder(4096).extended(0x100, 1, 0x100).build();
        function(GARBLED, "garbage", "0x1234567")
                .file(GARBLED + "/current_link_speed", "fast\n")
                .file(GARBLED + "/numa_node", "x\n")
                .bytes(GARBLED + "/config", loopingConfig)
                .folder("/sys/bus/pci/devices/not-an-address");
    }
}
