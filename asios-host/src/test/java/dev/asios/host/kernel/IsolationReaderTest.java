package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.CpuSet;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolationReaderTest {

    @Test
    void nullAndEmptySysfsListsMeanNoCpu(@TempDir Path root) {
        SysTree tree = new SysTree(root)
                .file("/sys/devices/system/cpu/isolated", "\n")
                .file("/sys/devices/system/cpu/nohz_full", "(null)\n");
        Isolation isolation = read(tree, "", 7);
        assertThat(isolation.isolated()).contains(CpuSet.empty());
        assertThat(isolation.nohzFull()).contains(CpuSet.empty());
        assertThat(isolation.bootIsolcpus()).isEmpty();
        assertThat(tree.warnings()).isEmpty();
    }

    @Test
    void readsBootParametersWithSymbolsAndBareFlags(@TempDir Path root) {
        SysTree tree = new SysTree(root);
        Isolation isolation = read(tree, "isolcpus=nohz,domain,4-N nohz_full=4-N rcu_nocbs irqaffinity=0-3", 7);
        assertThat(isolation.bootIsolcpus()).contains(new IsolcpusParameter(Set.of("nohz", "domain"), CpuSet.of(4, 5, 6, 7)));
        assertThat(isolation.bootNohzFull()).contains(CpuSet.of(4, 5, 6, 7));
        assertThat(isolation.bootRcuNocbs()).contains(CpuSet.empty());
        assertThat(isolation.bootIrqAffinity()).contains(CpuSet.of(0, 1, 2, 3));
        assertThat(tree.warnings()).isEmpty();
    }

    @Test
    void parametersTheKernelRejectsAreWarnings(@TempDir Path root) {
        SysTree tree = new SysTree(root).file("/sys/devices/system/cpu/isolated", "2-x\n");
        Isolation isolation = read(tree, "isolcpus=bogus,2-3 nohz_full=all", -1);
        assertThat(isolation.isolated()).isEmpty();
        assertThat(isolation.bootIsolcpus()).isEmpty();
        assertThat(isolation.bootNohzFull()).isEmpty();
        assertThat(tree.warnings()).extracting(w -> w.path())
                .containsExactlyInAnyOrder("/sys/devices/system/cpu/isolated", "/proc/cmdline", "/proc/cmdline");
    }

    private static Isolation read(SysTree tree, String commandLine, int lastCpu) {
        BootParameters boot = new BootParameters(CommandLineParser.parse(commandLine), tree.values().sysroot().diagnostics());
        return new IsolationReader(tree.values()).read(boot, lastCpu);
    }
}
