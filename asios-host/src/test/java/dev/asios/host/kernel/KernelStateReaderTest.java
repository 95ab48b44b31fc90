package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysrootValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelStateReaderTest {

    private static final CpuSet FOUR = CpuSet.of(0, 1, 2, 3);

    @Test
    void readsAnUbuntu2404ServerWithoutWarnings(@TempDir Path root) {
        SysrootValues values = KernelTrees.ubuntu2404(root).values();
        KernelState state = new KernelStateReader(values).read(FOUR);

        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
        assertThat(state.kernel().release()).contains("6.8.0-45-generic");
        assertThat(state.kernel().version()).contains(new KernelVersion(6, 8, 0));
        assertThat(state.kernel().banner().orElseThrow()).contains("PREEMPT_DYNAMIC");
        assertThat(state.kernel().commandLine().orElseThrow().value("root")).contains("UUID=1234");
        assertThat(state.memory().thpEnabled().orElseThrow().selected()).isEqualTo("madvise");
        assertThat(state.memory().khugepagedDefrag()).contains(true);
        assertThat(state.memory().swapDevices().orElseThrow()).extracting(SwapDevice::filename).containsExactly("/swap.img");
        assertThat(state.memory().swapTotalBytes()).isEqualTo(OptionalLong.of(8388604L * 1024));
        assertThat(state.isolation().bootIsolcpus()).contains(new IsolcpusParameter(Set.of("domain", "managed_irq"), CpuSet.of(2, 3)));
        assertThat(state.isolation().isolated()).contains(CpuSet.of(2, 3));
        assertThat(state.cgroups().orElseThrow().version()).isEqualTo(CgroupVersion.V2);
        assertThat(state.cgroups().orElseThrow().isolatedPartitions()).isTrue();
        assertThat(state.iommu().present()).isTrue();
        assertThat(state.iommu().bootParameters()).isEqualTo(Map.of("intel_iommu", "on"));
        assertThat(state.iommu().passthrough()).contains(false);
        assertThat(state.irqs().affinities().get(120)).isEqualTo(new IrqAffinity(Optional.of(CpuSet.of(0, 1)), Optional.of(CpuSet.of(1))));
        assertThat(state.irqs().defaultAffinity()).contains(CpuSet.of(0, 1));
        assertThat(state.irqbalance()).isEqualTo(new Irqbalance(Optional.of(true), Optional.of(CpuSet.of(2, 3))));
        assertThat(state.virtualMachine()).isEqualTo(Virtualization.none("/proc/cpuinfo"));
        assertThat(state.container()).isEqualTo(Virtualization.none("/proc/self/cgroup"));
        assertThat(state.lockedMemory().orElseThrow().softUnlimited()).isTrue();
        assertThat(state.sysctls()).isEqualTo(new KernelSysctls(OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(10), OptionalLong.of(-1)));
    }

    @Test
    void anEmptyTreeIsAllAbsenceAndNoWarning(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root).values();
        KernelState state = new KernelStateReader(values).read(CpuSet.empty());

        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
        assertThat(state.kernel()).isEqualTo(new KernelInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(state.memory().thpEnabled()).isEmpty();
        assertThat(state.memory().swapDevices()).isEmpty();
        assertThat(state.cpuPower().frequencies()).isEmpty();
        assertThat(state.cpuPower().idle().statesCpu()).isEmpty();
        assertThat(state.isolation()).isEqualTo(new Isolation(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(state.cgroups()).isEmpty();
        assertThat(state.iommu().present()).isFalse();
        assertThat(state.iommu().passthrough()).isEmpty();
        assertThat(state.irqs().interrupts()).isEmpty();
        assertThat(state.irqbalance().running()).isEmpty();
        assertThat(state.virtualMachine()).isEqualTo(Virtualization.UNKNOWN);
        assertThat(state.container()).isEqualTo(Virtualization.UNKNOWN);
        assertThat(state.lockedMemory()).isEmpty();
        assertThat(state.sysctls().nmiWatchdog()).isEmpty();
    }

    @Test
    void fallsBackToTheVersionBannerForTheRelease(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .file("/proc/version", "Linux version 4.14.0-49.el7a.ppc64le (root@wos243) (gcc 4.8.5) #1 SMP\n")
                .values();
        KernelInfo kernel = new KernelStateReader(values).read(CpuSet.of(0)).kernel();
        assertThat(kernel.release()).contains("4.14.0-49.el7a.ppc64le");
        assertThat(kernel.version()).contains(new KernelVersion(4, 14, 0));
        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
    }

    @Test
    void warnsOnGarbledKernelFilesAndKeepsGoing(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .file("/proc/sys/kernel/osrelease", "unknown\n")
                .file("/proc/self/limits", "nothing here\n")
                .file("/sys/kernel/mm/transparent_hugepage/enabled", "always madvise never\n")
                .file("/proc/interrupts", "garbage\n")
                .file("/proc/sys/vm/swappiness", "sixty\n")
                .values();
        KernelState state = new KernelStateReader(values).read(CpuSet.of(0));
        assertThat(state.kernel().release()).contains("unknown");
        assertThat(state.kernel().version()).isEmpty();
        assertThat(state.memory().thpEnabled()).isEmpty();
        assertThat(state.memory().swappiness()).isEmpty();
        assertThat(state.irqs().interrupts()).isEmpty();
        assertThat(values.sysroot().diagnostics().warnings()).extracting(w -> w.path()).containsExactlyInAnyOrder(
                "/proc/sys/kernel/osrelease", "/proc/self/limits", "/sys/kernel/mm/transparent_hugepage/enabled",
                "/proc/interrupts", "/proc/sys/vm/swappiness");
    }

    @Test
    void readsSwapFromMeminfoEvenWithoutSwapAreas(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root)
                .file("/proc/swaps", "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n")
                .file("/proc/meminfo", "SwapTotal:             0 kB\nSwapFree:              0 kB\n")
                .values();
        MemoryPolicy memory = new KernelStateReader(values).read(CpuSet.of(0)).memory();
        assertThat(memory.swapDevices()).contains(List.of());
        assertThat(memory.swapTotalBytes()).isEqualTo(OptionalLong.of(0));
        assertThat(memory.swapFreeBytes()).isEqualTo(OptionalLong.of(0));
    }
}
