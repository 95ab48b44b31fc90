package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.CpuSet;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IrqbalanceReaderTest {

    @Test
    void aTreeWithoutProcessesCannotTell(@TempDir Path root) {
        SysTree tree = new SysTree(root).file("/proc/self/status", "Name: x\n");
        assertThat(read(tree)).isEqualTo(new Irqbalance(Optional.empty(), Optional.empty()));
    }

    @Test
    void processesWithoutIrqbalanceMeanItIsNotRunning(@TempDir Path root) {
        SysTree tree = new SysTree(root).file("/proc/1/comm", "systemd\n").file("/proc/77/comm", "sshd\n").dir("/proc/78");
        assertThat(read(tree)).isEqualTo(new Irqbalance(Optional.of(false), Optional.empty()));
        assertThat(tree.warnings()).isEmpty();
    }

    @Test
    void readsTheBannedCpusFromItsEnvironment(@TempDir Path root) {
        SysTree tree = new SysTree(root).file("/proc/900/comm", "irqbalance\n").file("/proc/900/environ", "IRQBALANCE_BANNED_CPUS=0000000c\0");
        assertThat(read(tree)).isEqualTo(new Irqbalance(Optional.of(true), Optional.of(CpuSet.of(2, 3))));
        tree.file("/proc/900/environ", "IRQBALANCE_BANNED_CPUS=0000000c\0IRQBALANCE_BANNED_CPULIST=4-5\0");
        assertThat(read(tree).bannedCpus()).contains(CpuSet.of(4, 5));
    }

    @Test
    void anUnreadableEnvironmentIsQuietAndAGarbledOneWarns(@TempDir Path root) {
        SysTree tree = new SysTree(root).file("/proc/900/comm", "irqbalance\n");
        assertThat(read(tree)).isEqualTo(new Irqbalance(Optional.of(true), Optional.empty()));
        assertThat(tree.warnings()).isEmpty();
        tree.file("/proc/900/environ", "IRQBALANCE_BANNED_CPULIST=two\0");
        assertThat(read(tree).bannedCpus()).isEmpty();
        assertThat(tree.warnings()).extracting(w -> w.path()).containsExactly("/proc/900/environ");
    }

    private static Irqbalance read(SysTree tree) {
        return new IrqbalanceReader(new ProcessTable(tree.values().sysroot()), tree.values().sysroot().diagnostics()).read();
    }
}
