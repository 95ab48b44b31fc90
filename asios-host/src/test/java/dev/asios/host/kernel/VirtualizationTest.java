package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

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
        SysTree tree = new SysTree(root).file("/proc/cpuinfo", X86_GUEST)
                .file(DMI + "sys_vendor", "Apache Software Foundation\n").file(DMI + "product_name", "CloudStack KVM Hypervisor\n");
        assertThat(vm(tree)).isEqualTo(Virtualization.found(VirtualizationKind.VM, "KVM", DMI + "product_name"));
        tree.file(DMI + "product_name", "Standard PC (Q35 + ICH9, 2009)\n").file(DMI + "sys_vendor", "QEMU\n");
        assertThat(vm(tree)).isEqualTo(Virtualization.found(VirtualizationKind.VM, "QEMU", DMI + "sys_vendor"));
        tree.file(DMI + "product_name", "Virtual Machine\n").file(DMI + "sys_vendor", "Microsoft Corporation\n");
        assertThat(vm(tree).name()).contains("Hyper-V");
    }

    @Test
    void theHypervisorFlagAloneIsAnUnnamedVm(@TempDir Path root) {
        SysTree tree = new SysTree(root).file("/proc/cpuinfo", X86_GUEST);
        assertThat(vm(tree)).isEqualTo(new Virtualization(VirtualizationKind.VM, Optional.empty(), Optional.of("/proc/cpuinfo")));
    }

    @Test
    void bareMetalCloudInstancesAreNotVms(@TempDir Path root) {
        SysTree tree = new SysTree(root).file("/proc/cpuinfo", X86_METAL).file(DMI + "sys_vendor", "Amazon EC2\n");
        assertThat(vm(tree)).isEqualTo(Virtualization.none("/proc/cpuinfo"));
    }

    @Test
    void xenAndArmWithAndWithoutDmi(@TempDir Path root) {
        SysTree tree = new SysTree(root).file("/proc/cpuinfo", "processor\t: 0\nFeatures\t: fp asimd\n");
        assertThat(vm(tree)).isEqualTo(Virtualization.UNKNOWN);
        tree.file(DMI + "sys_vendor", "Ampere(R)\n");
        assertThat(vm(tree)).isEqualTo(Virtualization.none(DMI + "sys_vendor"));
        tree.file("/sys/hypervisor/type", "xen\n");
        assertThat(vm(tree)).isEqualTo(Virtualization.found(VirtualizationKind.VM, "xen", "/sys/hypervisor/type"));
    }

    @Test
    void containersFromInitEnvironmentMarkersAndCgroups(@TempDir Path root) {
        SysTree tree = new SysTree(root);
        assertThat(container(tree)).isEqualTo(Virtualization.UNKNOWN);
        tree.file("/proc/self/cgroup", "0::/user.slice/user-1000.slice\n");
        assertThat(container(tree)).isEqualTo(Virtualization.none("/proc/self/cgroup"));
        tree.file("/proc/self/cgroup", "12:cpuset:/kubepods/burstable/pod1/abc\n");
        assertThat(container(tree)).isEqualTo(Virtualization.found(VirtualizationKind.CONTAINER, "kubernetes", "/proc/self/cgroup"));
        tree.file("/run/systemd/container", "systemd-nspawn\n");
        assertThat(container(tree).name()).contains("systemd-nspawn");
        tree.file("/.dockerenv", "");
        assertThat(container(tree)).isEqualTo(Virtualization.found(VirtualizationKind.CONTAINER, "docker", "/.dockerenv"));
        tree.file("/run/.containerenv", "");
        assertThat(container(tree).name()).contains("podman");
        tree.file("/proc/1/environ", "PATH=/bin\0container=lxc\0");
        assertThat(container(tree)).isEqualTo(Virtualization.found(VirtualizationKind.CONTAINER, "lxc", "/proc/1/environ"));
        assertThat(tree.warnings()).isEmpty();
    }

    private static Virtualization vm(SysTree tree) {
        return new VirtualMachineDetector(tree.values()).detect();
    }

    private static Virtualization container(SysTree tree) {
        return new ContainerDetector(tree.values(), new ProcessTable(tree.values().sysroot())).detect();
    }
}
