package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysrootValues;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IommuReaderTest {

    @Test
    void passthroughGroupsOverrideTheCommandLine(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .folder("/sys/class/iommu/ivhd0").folder("/sys/kernel/iommu_groups/0").folder("/sys/kernel/iommu_groups/devices")
                .file("/sys/kernel/iommu_groups/1/type", "identity\n").file("/sys/kernel/iommu_groups/2/type", "identity\n")
                .values();
        Iommu iommu = read(values, "amd_iommu=on iommu=nopt");
        assertThat(iommu.hardwareUnits()).containsExactly("ivhd0");
        assertThat(iommu.groupCount()).isEqualTo(3);
        assertThat(iommu.groupTypes()).isEqualTo(Map.of("identity", 2));
        assertThat(iommu.bootPassthrough()).contains(false);
        assertThat(iommu.passthrough()).contains(true);
    }

    @Test
    void mixedGroupsAreTranslated(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .file("/sys/kernel/iommu_groups/0/type", "identity\n").file("/sys/kernel/iommu_groups/1/type", "DMA\n")
                .values();
        assertThat(read(values, "").passthrough()).contains(false);
        assertThat(read(values, "").groupTypes()).isEqualTo(Map.of("DMA", 1, "identity", 1));
    }

    @Test
    void withoutGroupsTheCommandLineDecides(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root).values();
        assertThat(read(values, "intel_iommu=on iommu=pt").passthrough()).contains(true);
        assertThat(read(values, "iommu=force,pt").passthrough()).contains(true);
        assertThat(read(values, "iommu.passthrough=1 iommu.passthrough=0").passthrough()).contains(false);
        assertThat(read(values, "iommu.passthrough=on").bootPassthrough()).contains(true);
        assertThat(read(values, "iommu.passthrough=maybe").bootPassthrough()).isEmpty();
        assertThat(read(values, "intel_iommu=off").bootParameters()).isEqualTo(Map.of("intel_iommu", "off"));
        assertThat(read(values, "iommu.strict").bootParameters()).isEqualTo(Map.of("iommu.strict", ""));
        assertThat(read(values, "quiet").present()).isFalse();
        assertThat(read(values, "quiet").passthrough()).isEmpty();
    }

    private static Iommu read(SysrootValues values, String commandLine) {
        return new IommuReader(values).read(CommandLineParser.parse(commandLine));
    }
}
