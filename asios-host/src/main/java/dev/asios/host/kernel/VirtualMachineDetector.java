package dev.asios.host.kernel;

import dev.asios.host.cpu.CpuInfoParser;
import dev.asios.host.sysroot.SysrootValues;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether the host is a virtual machine, in this order: an x86 {@code flags} line without
 * {@code hypervisor} means bare metal (every mainstream hypervisor sets that CPUID bit; bare-metal
 * cloud instances keep their cloud's DMI strings, so DMI alone would mislead); then
 * {@code /sys/hypervisor/type} (Xen; a Xen dom0 is reported as a VM too); then a known DMI
 * vendor or product; then the bare {@code hypervisor} flag. Without a flags line (ARM) and
 * without DMI, the answer is unknown.
 */
final class VirtualMachineDetector {

    private static final String DMI = "/sys/class/dmi/id/";
    private static final List<String> DMI_FILES = List.of("product_name", "sys_vendor", "board_vendor", "bios_vendor");

    /** DMI text to hypervisor name, tried in order against each DMI file. */
    private static final List<Map.Entry<String, String>> DMI_NAMES = List.of(
            Map.entry("KVM", "KVM"), Map.entry("QEMU", "QEMU"), Map.entry("VMware", "VMware"), Map.entry("VMW", "VMware"),
            Map.entry("VirtualBox", "VirtualBox"), Map.entry("innotek GmbH", "VirtualBox"), Map.entry("Xen", "Xen"),
            Map.entry("Virtual Machine", "Hyper-V"), Map.entry("Hyper-V", "Hyper-V"), Map.entry("Amazon EC2", "Amazon EC2"),
            Map.entry("Google Compute Engine", "Google Compute Engine"), Map.entry("OpenStack", "OpenStack"),
            Map.entry("KubeVirt", "KubeVirt"), Map.entry("Parallels", "Parallels"), Map.entry("BHYVE", "bhyve"),
            Map.entry("Bochs", "Bochs"), Map.entry("Apple Virtualization", "Apple Virtualization"), Map.entry("Firecracker", "Firecracker"));

    private final SysrootValues values;

    VirtualMachineDetector(SysrootValues values) {
        this.values = values;
    }

    Virtualization detect() {
        Optional<String> flags = values.parsed("/proc/cpuinfo", CpuInfoParser::parse).flatMap(info -> info.first("flags"));
        boolean hypervisorFlag = flags.isPresent() && Arrays.asList(flags.get().split("\\s+")).contains("hypervisor");
        if (flags.isPresent() && !hypervisorFlag) {
            return Virtualization.none("/proc/cpuinfo");
        }
        Optional<String> xen = KernelFiles.name(values, "/sys/hypervisor/type");
        if (xen.isPresent()) {
            return Virtualization.found(VirtualizationKind.VM, xen.get(), "/sys/hypervisor/type");
        }
        String dmiRead = null;
        for (String file : DMI_FILES) {
            Optional<String> text = values.string(DMI + file);
            if (text.isPresent() && dmiRead == null) {
                dmiRead = DMI + file;
            }
            Optional<String> name = text.flatMap(VirtualMachineDetector::dmiName);
            if (name.isPresent()) {
                return Virtualization.found(VirtualizationKind.VM, name.get(), DMI + file);
            }
        }
        if (hypervisorFlag) {
            return new Virtualization(VirtualizationKind.VM, Optional.empty(), Optional.of("/proc/cpuinfo"));
        }
        return dmiRead != null ? Virtualization.none(dmiRead) : Virtualization.UNKNOWN;
    }

    private static Optional<String> dmiName(String text) {
        return DMI_NAMES.stream().filter(entry -> text.contains(entry.getKey())).map(Map.Entry::getValue).findFirst();
    }
}
