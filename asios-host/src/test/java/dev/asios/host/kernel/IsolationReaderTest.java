package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysrootValues;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolationReaderTest {

    @Test
    void nullAndEmptySysfsListsMeanNoCpu(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .file("/sys/devices/system/cpu/isolated", "\n")
                .file("/sys/devices/system/cpu/nohz_full", "(null)\n")
                .values();
        Isolation isolation = read(values, "", 7);
        assertThat(isolation.isolated()).contains(CpuSet.empty());
        assertThat(isolation.nohzFull()).contains(CpuSet.empty());
        assertThat(isolation.bootIsolcpus()).isEmpty();
        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
    }

    @Test
    void readsBootParametersWithSymbolsAndBareFlags(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root).values();
        Isolation isolation = read(values, "isolcpus=nohz,domain,4-N nohz_full=4-N rcu_nocbs irqaffinity=0-3", 7);
        assertThat(isolation.bootIsolcpus()).contains(new IsolcpusParameter(Set.of("nohz", "domain"), CpuSet.of(4, 5, 6, 7)));
        assertThat(isolation.bootNohzFull()).contains(CpuSet.of(4, 5, 6, 7));
        assertThat(isolation.bootRcuNocbs()).contains(CpuSet.empty());
        assertThat(isolation.bootIrqAffinity()).contains(CpuSet.of(0, 1, 2, 3));
        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
    }

    @Test
    void parametersTheKernelRejectsAreWarnings(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root).file("/sys/devices/system/cpu/isolated", "2-x\n").values();
        Isolation isolation = read(values, "isolcpus=bogus,2-3 nohz_full=all", -1);
        assertThat(isolation.isolated()).isEmpty();
        assertThat(isolation.bootIsolcpus()).isEmpty();
        assertThat(isolation.bootNohzFull()).isEmpty();
        assertThat(values.sysroot().diagnostics().warnings()).extracting(w -> w.path())
                .containsExactlyInAnyOrder("/sys/devices/system/cpu/isolated", "/proc/cmdline", "/proc/cmdline");
    }

    private static Isolation read(SysrootValues values, String commandLine, int lastCpu) {
        BootParameters boot = new BootParameters(CommandLineParser.parse(commandLine), values.sysroot().diagnostics());
        return new IsolationReader(values).read(boot, lastCpu);
    }
}
