package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.SysrootValues;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IrqbalanceReaderTest {

    @Test
    void aTreeWithoutProcessesCannotTell(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root).file("/proc/self/status", "Name: x\n").values();
        assertThat(read(values)).isEqualTo(new Irqbalance(Optional.empty(), Optional.empty()));
    }

    @Test
    void processesWithoutIrqbalanceMeanItIsNotRunning(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .file("/proc/1/comm", "systemd\n").file("/proc/77/comm", "sshd\n").folder("/proc/78")
                .values();
        assertThat(read(values)).isEqualTo(new Irqbalance(Optional.of(false), Optional.empty()));
        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
    }

    @Test
    void readsTheBannedCpusFromItsEnvironment(@TempDir Path root) {
        SysfsTree tree = KernelTrees.empty(root)
                .file("/proc/900/comm", "irqbalance\n").file("/proc/900/environ", "IRQBALANCE_BANNED_CPUS=0000000c\0");
        SysrootValues values = tree.values();
        assertThat(read(values)).isEqualTo(new Irqbalance(Optional.of(true), Optional.of(CpuSet.of(2, 3))));
        tree.file("/proc/900/environ", "IRQBALANCE_BANNED_CPUS=0000000c\0IRQBALANCE_BANNED_CPULIST=4-5\0");
        assertThat(read(values).bannedCpus()).contains(CpuSet.of(4, 5));
    }

    @Test
    void anUnreadableEnvironmentIsQuietAndAGarbledOneWarns(@TempDir Path root) {
        SysfsTree tree = KernelTrees.empty(root).file("/proc/900/comm", "irqbalance\n");
        SysrootValues values = tree.values();
        assertThat(read(values)).isEqualTo(new Irqbalance(Optional.of(true), Optional.empty()));
        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
        tree.file("/proc/900/environ", "IRQBALANCE_BANNED_CPULIST=two\0");
        assertThat(read(values).bannedCpus()).isEmpty();
        assertThat(values.sysroot().diagnostics().warnings()).extracting(w -> w.path()).containsExactly("/proc/900/environ");
    }

    private static Irqbalance read(SysrootValues values) {
        return new IrqbalanceReader(new ProcessTable(values.sysroot()), values.sysroot().diagnostics()).read();
    }
}
