package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IommuReaderTest {

    @Test
    void passthroughGroupsOverrideTheCommandLine(@TempDir Path root) {
        SysTree tree = new SysTree(root).dir("/sys/class/iommu/ivhd0").dir("/sys/kernel/iommu_groups/0").dir("/sys/kernel/iommu_groups/devices");
        tree.file("/sys/kernel/iommu_groups/1/type", "identity\n").file("/sys/kernel/iommu_groups/2/type", "identity\n");
        Iommu iommu = read(tree, "amd_iommu=on iommu=nopt");
        assertThat(iommu.hardwareUnits()).containsExactly("ivhd0");
        assertThat(iommu.groupCount()).isEqualTo(3);
        assertThat(iommu.groupTypes()).isEqualTo(Map.of("identity", 2));
        assertThat(iommu.bootPassthrough()).contains(false);
        assertThat(iommu.passthrough()).contains(true);
    }

    @Test
    void mixedGroupsAreTranslated(@TempDir Path root) {
        SysTree tree = new SysTree(root).file("/sys/kernel/iommu_groups/0/type", "identity\n").file("/sys/kernel/iommu_groups/1/type", "DMA\n");
        assertThat(read(tree, "").passthrough()).contains(false);
        assertThat(read(tree, "").groupTypes()).isEqualTo(Map.of("DMA", 1, "identity", 1));
    }

    @Test
    void withoutGroupsTheCommandLineDecides(@TempDir Path root) {
        SysTree tree = new SysTree(root);
        assertThat(read(tree, "intel_iommu=on iommu=pt").passthrough()).contains(true);
        assertThat(read(tree, "iommu=force,pt").passthrough()).contains(true);
        assertThat(read(tree, "iommu.passthrough=1 iommu.passthrough=0").passthrough()).contains(false);
        assertThat(read(tree, "iommu.passthrough=on").bootPassthrough()).contains(true);
        assertThat(read(tree, "iommu.passthrough=maybe").bootPassthrough()).isEmpty();
        assertThat(read(tree, "intel_iommu=off").bootParameters()).isEqualTo(Map.of("intel_iommu", "off"));
        assertThat(read(tree, "iommu.strict").bootParameters()).isEqualTo(Map.of("iommu.strict", ""));
        assertThat(read(tree, "quiet").present()).isFalse();
        assertThat(read(tree, "quiet").passthrough()).isEmpty();
    }

    private static Iommu read(SysTree tree, String commandLine) {
        return new IommuReader(tree.values()).read(CommandLineParser.parse(commandLine));
    }
}
