package dev.asios.host.block;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.inspect.ConformanceDumps;
import dev.asios.host.pci.PciAddress;
import dev.asios.host.sysroot.Diagnostics;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockDeviceReaderTest {

    private static final String NVME_CONTROLLER = "/sys/devices/pci0000:00/0000:00:01.0/0000:01:00.0/nvme/nvme0";
    private static final String NVME_HEAD = "/sys/devices/virtual/nvme-subsystem/nvme-subsys0/nvme0n1";

    @TempDir
    Path root;

    @Test
    void readsAnNvmeMultipathNamespaceAsARealDriveOnItsController() {
        new SysfsTree(root)
                .file(NVME_HEAD + "/size", "7501476528\n")
                .file(NVME_HEAD + "/removable", "0\n")
                .file(NVME_HEAD + "/queue/rotational", "0\n")
                .file(NVME_HEAD + "/queue/scheduler", "[none] mq-deadline\n")
                .file(NVME_HEAD + "/queue/nr_requests", "1023\n")
                .file(NVME_HEAD + "/queue/read_ahead_kb", "128\n")
                .folder(NVME_CONTROLLER + "/nvme0c0n1")
                .link(NVME_HEAD + "/multipath/nvme0c0n1", "../../../../../pci0000:00/0000:00:01.0/0000:01:00.0/nvme/nvme0/nvme0c0n1")
                .link("/sys/block/nvme0n1", "../devices/virtual/nvme-subsystem/nvme-subsys0/nvme0n1");

        BlockDevice drive = read().getFirst();

        assertThat(drive.name()).isEqualTo("nvme0n1");
        assertThat(drive.sizeBytes()).hasValue(7501476528L * 512);
        assertThat(drive.rotational()).contains(false);
        assertThat(drive.removable()).contains(false);
        assertThat(drive.scheduler()).contains(new IoScheduler("none", List.of("none", "mq-deadline")));
        assertThat(drive.requestQueueDepth()).hasValue(1023);
        assertThat(drive.readAheadKib()).hasValue(128);
        assertThat(drive.model()).isEmpty();
        assertThat(drive.virtual()).isFalse();
        assertThat(drive.pciAddress()).map(PciAddress::toString).contains("0000:01:00.0");
    }

    @Test
    void warnsAboutGarbledAttributesAndKeepsTheDevice() {
        new SysfsTree(root)
                .file("/sys/devices/virtual/block/loop0/size", "lots\n")
                .file("/sys/devices/virtual/block/loop0/queue/scheduler", "\n")
                .file("/sys/devices/virtual/block/loop0/queue/rotational", "maybe\n")
                .link("/sys/block/loop0", "../devices/virtual/block/loop0");
        Sysroot sysroot = Sysroot.of(root);

        BlockDevice loop = new BlockDeviceReader(new SysrootValues(sysroot)).read().getFirst();

        assertThat(loop.sizeBytes()).isEmpty();
        assertThat(loop.scheduler()).isEmpty();
        assertThat(loop.rotational()).isEmpty();
        assertThat(loop.virtual()).isTrue();
        assertThat(loop.pciAddress()).isEmpty();
        assertThat(sysroot.diagnostics().warnings()).extracting(Diagnostics.Warning::path).containsExactlyInAnyOrder(
                "/sys/block/loop0/size", "/sys/block/loop0/queue/scheduler", "/sys/block/loop0/queue/rotational");
    }

    @Test
    void knowsVirtualDevicesByNameOrPlace() {
        Optional<String> pciPath = Optional.of("/sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda");

        assertThat(BlockDeviceReader.isVirtual("sda", pciPath)).isFalse();
        assertThat(BlockDeviceReader.isVirtual("nvme0n1", Optional.of(NVME_HEAD))).isFalse();
        assertThat(BlockDeviceReader.isVirtual("zram0", Optional.empty())).isTrue();
        assertThat(BlockDeviceReader.isVirtual("dm-3", Optional.empty())).isTrue();
        assertThat(BlockDeviceReader.isVirtual("md127", Optional.empty())).isTrue();
        assertThat(BlockDeviceReader.isVirtual("nbd0", Optional.empty())).isTrue();
        assertThat(BlockDeviceReader.isVirtual("vdb", Optional.of("/sys/devices/virtual/block/vdb"))).isTrue();
        assertThat(BlockDeviceReader.isVirtual("mmcblk0", Optional.empty())).isFalse();
    }

    @Test
    void readsTheRecordedIntelServer() {
        Sysroot sysroot = Sysroot.of(ConformanceDumps.sysroot("40intel64-2g2n4c+pcilocality"));
        Map<String, BlockDevice> byName = byName(new BlockDeviceReader(new SysrootValues(sysroot)).read());

        assertThat(byName).hasSize(26);
        BlockDevice raid = byName.get("sda");
        assertThat(raid.sizeBytes()).hasValue(3512991744L * 512);
        assertThat(raid.rotational()).contains(true);
        assertThat(raid.scheduler()).map(IoScheduler::active).contains("cfq");
        assertThat(raid.requestQueueDepth()).hasValue(128);
        assertThat(raid.readAheadKib()).hasValue(128);
        assertThat(raid.model()).contains("PERC H700");
        assertThat(raid.pciAddress()).map(PciAddress::toString).contains("0000:01:00.0");
        assertThat(raid.virtual()).isFalse();
        assertThat(byName.get("sr0").removable()).contains(true);
        assertThat(byName.get("sr0").pciAddress()).map(PciAddress::toString).contains("0000:00:1f.2");
        assertThat(byName.values().stream().filter(BlockDevice::virtual)).hasSize(24);
        assertThat(sysroot.diagnostics().warnings()).isEmpty();
    }

    @Test
    void findsAVirtioDiskInAWideDomain() {
        Sysroot sysroot = Sysroot.of(ConformanceDumps.sysroot("2pa-pcidomain32bits"));
        Map<String, BlockDevice> byName = byName(new BlockDeviceReader(new SysrootValues(sysroot)).read());

        assertThat(byName.get("vda").pciAddress()).map(PciAddress::toString).contains("10000:00:04.0");
        assertThat(byName.get("vda").scheduler()).contains(new IoScheduler("none", List.of("none")));
        assertThat(byName.get("sr0").model()).contains("QEMU DVD-ROM");
    }

    private List<BlockDevice> read() {
        return new BlockDeviceReader(new SysrootValues(Sysroot.of(root))).read();
    }

    private static Map<String, BlockDevice> byName(List<BlockDevice> devices) {
        return devices.stream().collect(Collectors.toMap(BlockDevice::name, Function.identity()));
    }
}
