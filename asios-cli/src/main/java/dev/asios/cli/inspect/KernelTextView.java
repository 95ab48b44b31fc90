package dev.asios.cli.inspect;

import dev.asios.cli.Bytes;
import dev.asios.host.kernel.CState;
import dev.asios.host.kernel.CgroupMount;
import dev.asios.host.kernel.CpuFrequency;
import dev.asios.host.kernel.KernelChoice;
import dev.asios.host.kernel.KernelState;
import dev.asios.host.kernel.LockedMemoryLimit;
import dev.asios.host.kernel.Virtualization;
import dev.asios.host.kernel.VirtualizationKind;
import dev.asios.host.parse.CpuSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The human view of kernel state: one line per concern, "n/a" where this host does not show it. */
final class KernelTextView {

    private static final String NA = "n/a";

    private KernelTextView() {
    }

    static void render(KernelState k, StringBuilder out) {
        out.append("\nKernel\n");
        line(out, "release", k.kernel().release().orElse(NA));
        line(out, "command line", k.kernel().commandLine().map(c -> c.parameters().size() + " parameters"
                + c.parameters().stream().filter(p -> BOOT_TUNING.contains(p.name()))
                        .map(p -> p.name() + p.value().map(v -> "=" + v).orElse("")).collect(Collectors.joining(" ", ": ", ""))).orElse(NA));
        line(out, "THP", choice(k.memory().thpEnabled()) + ", defrag " + choice(k.memory().thpDefrag()));
        line(out, "NUMA balancing", number(k.memory().numaBalancing()) + ", zone_reclaim_mode " + number(k.memory().zoneReclaimMode()));
        line(out, "swap", k.memory().swapDevices().map(d -> d.isEmpty() ? "off" : d.size() + " device(s), "
                + Bytes.human(k.memory().swapTotalBytes().orElse(0))).orElse(NA) + ", swappiness " + number(k.memory().swappiness()));
        line(out, "CPU frequency", governors(k.cpuPower().frequencies()) + k.cpuPower().boost().map(b -> ", boost " + (b ? "on" : "off")).orElse(""));
        line(out, "idle states", k.cpuPower().idle().driver().orElse(NA) + cStates(k.cpuPower().idle().states()));
        line(out, "isolated CPUs", set(k.isolation().isolated()) + ", nohz_full " + set(k.isolation().nohzFull()));
        line(out, "cgroups", k.cgroups().map(c -> c.mounts().isEmpty() ? "none mounted" : c.version().name().toLowerCase() + " ("
                + c.mounts().stream().map(CgroupMount::mountPoint).collect(Collectors.joining(" ")) + ")"
                + (c.isolatedPartitions() ? ", isolated cpuset partitions available" : "")).orElse(NA));
        line(out, "IOMMU", k.iommu().present()
                ? k.iommu().groupCount() + " groups, " + k.iommu().passthrough().map(p -> p ? "passthrough" : "translated").orElse("mode unknown")
                : "none found");
        line(out, "IRQs", k.irqs().interrupts().map(i -> i.lines().size() + " lines").orElse(NA)
                + ", default affinity " + set(k.irqs().defaultAffinity())
                + ", irqbalance " + k.irqbalance().running().map(r -> r ? "running" : "not running").orElse("unknown"));
        line(out, "virtualization", virtualization(k.virtualMachine()) + ", container " + virtualization(k.container()));
        line(out, "locked memory", k.lockedMemory().map(KernelTextView::limit).orElse(NA));
    }

    private static final java.util.Set<String> BOOT_TUNING = java.util.Set.of(
            "isolcpus", "nohz_full", "rcu_nocbs", "irqaffinity", "intel_iommu", "amd_iommu", "iommu", "hugepages",
            "hugepagesz", "default_hugepagesz", "transparent_hugepage", "processor.max_cstate", "intel_idle.max_cstate",
            "idle", "numa_balancing", "skew_tick", "nosmt", "mitigations");

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-15s %s%n", label, value));
    }

    private static String choice(Optional<KernelChoice> choice) {
        return choice.map(KernelChoice::selected).orElse(NA);
    }

    private static String number(OptionalLong value) {
        return value.isPresent() ? String.valueOf(value.getAsLong()) : NA;
    }

    private static String set(Optional<CpuSet> cpus) {
        return cpus.map(c -> c.isEmpty() ? "none" : c.toList()).orElse(NA);
    }

    private static String governors(List<CpuFrequency> frequencies) {
        if (frequencies.isEmpty()) {
            return "no cpufreq (typical of a VM)";
        }
        TreeSet<String> governors = frequencies.stream().map(f -> f.governor().orElse("?")).collect(Collectors.toCollection(TreeSet::new));
        return "governor " + String.join("/", governors) + frequencies.getFirst().driver().map(d -> " (" + d + ")").orElse("");
    }

    private static String cStates(List<CState> states) {
        if (states.isEmpty()) {
            return "";
        }
        return ": " + states.stream().map(s -> s.name() + " " + s.exitLatencyUs() + "µs" + (s.disabled() ? " (off)" : ""))
                .collect(Collectors.joining(", "));
    }

    private static String virtualization(Virtualization v) {
        if (v.kind() == VirtualizationKind.NONE) {
            return "none";
        }
        if (v.kind() == VirtualizationKind.UNKNOWN) {
            return "unknown";
        }
        return v.name().orElse(v.kind().name().toLowerCase()) + v.evidencePath().map(p -> " (" + p + ")").orElse("");
    }

    private static String limit(LockedMemoryLimit limit) {
        return limit.softBytes() == LockedMemoryLimit.UNLIMITED ? "unlimited" : Bytes.human(limit.softBytes()) + " (soft)";
    }
}
