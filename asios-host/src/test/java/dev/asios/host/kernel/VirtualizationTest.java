package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.SysrootValues;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualizationTest {

    private static final String X86_GUEST = "processor\t: 0\nflags\t\t: fpu vme hypervisor avx2\n";
    private static final String X86_METAL = "processor\t: 0\nflags\t\t: fpu vme avx2\n";
    private static final String DMI = "/sys/class/dmi/id/";

    @Test
    void namesTheHypervisorFromDmi(@TempDir Path root) {
        SysfsTree tree = KernelTrees.empty(root).file("/proc/cpuinfo", X86_GUEST)
                .file(DMI + "sys_vendor", "Apache Software Foundation\n").file(DMI + "product_name", "CloudStack KVM Hypervisor\n");
        SysrootValues values = tree.values();
        assertThat(vm(values)).isEqualTo(Virtualization.found(VirtualizationKind.VM, "KVM", DMI + "product_name"));
        tree.file(DMI + "product_name", "Standard PC (Q35 + ICH9, 2009)\n").file(DMI + "sys_vendor", "QEMU\n");
        assertThat(vm(values)).isEqualTo(Virtualization.found(VirtualizationKind.VM, "QEMU", DMI + "sys_vendor"));
        tree.file(DMI + "product_name", "Virtual Machine\n").file(DMI + "sys_vendor", "Microsoft Corporation\n");
        assertThat(vm(values).name()).contains("Hyper-V");
    }

    @Test
    void theHypervisorFlagAloneIsAnUnnamedVm(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root).file("/proc/cpuinfo", X86_GUEST).values();
        assertThat(vm(values)).isEqualTo(new Virtualization(VirtualizationKind.VM, Optional.empty(), Optional.of("/proc/cpuinfo")));
    }

    @Test
    void bareMetalCloudInstancesAreNotVms(@TempDir Path root) {
        SysrootValues values = KernelTrees.empty(root).file("/proc/cpuinfo", X86_METAL).file(DMI + "sys_vendor", "Amazon EC2\n").values();
        assertThat(vm(values)).isEqualTo(Virtualization.none("/proc/cpuinfo"));
    }

    @Test
    void xenAndArmWithAndWithoutDmi(@TempDir Path root) {
        SysfsTree tree = KernelTrees.empty(root).file("/proc/cpuinfo", "processor\t: 0\nFeatures\t: fp asimd\n");
        SysrootValues values = tree.values();
        assertThat(vm(values)).isEqualTo(Virtualization.UNKNOWN);
        tree.file(DMI + "sys_vendor", "Ampere(R)\n");
        assertThat(vm(values)).isEqualTo(Virtualization.none(DMI + "sys_vendor"));
        tree.file("/sys/hypervisor/type", "xen\n");
        assertThat(vm(values)).isEqualTo(Virtualization.found(VirtualizationKind.VM, "xen", "/sys/hypervisor/type"));
    }

    @Test
    void containersFromInitEnvironmentMarkersAndCgroups(@TempDir Path root) {
        SysfsTree tree = KernelTrees.empty(root);
        SysrootValues values = tree.values();
        assertThat(container(values)).isEqualTo(Virtualization.UNKNOWN);
        tree.file("/proc/self/cgroup", "0::/user.slice/user-1000.slice\n");
        assertThat(container(values)).isEqualTo(Virtualization.none("/proc/self/cgroup"));
        tree.file("/proc/self/cgroup", "12:cpuset:/kubepods/burstable/pod1/abc\n");
        assertThat(container(values)).isEqualTo(Virtualization.found(VirtualizationKind.CONTAINER, "kubernetes", "/proc/self/cgroup"));
        tree.file("/run/systemd/container", "systemd-nspawn\n");
        assertThat(container(values).name()).contains("systemd-nspawn");
        tree.file("/.dockerenv", "");
        assertThat(container(values)).isEqualTo(Virtualization.found(VirtualizationKind.CONTAINER, "docker", "/.dockerenv"));
        tree.file("/run/.containerenv", "");
        assertThat(container(values).name()).contains("podman");
        tree.file("/proc/1/environ", "PATH=/bin\0container=lxc\0");
        assertThat(container(values)).isEqualTo(Virtualization.found(VirtualizationKind.CONTAINER, "lxc", "/proc/1/environ"));
        assertThat(values.sysroot().diagnostics().warnings()).isEmpty();
    }

    private static Virtualization vm(SysrootValues values) {
        return new VirtualMachineDetector(values).detect();
    }

    private static Virtualization container(SysrootValues values) {
        return new ContainerDetector(values, new ProcessTable(values.sysroot())).detect();
    }
}
