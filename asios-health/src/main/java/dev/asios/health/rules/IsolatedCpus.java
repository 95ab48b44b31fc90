package dev.asios.health.rules;

import dev.asios.host.kernel.CgroupMount;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.kernel.Cgroups;
import dev.asios.host.kernel.KernelValueParser;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import dev.asios.tune.tunable.CpuIsolationTunable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The CPUs kept for latency-critical work now: those the kernel isolates from load balancing
 * ({@code /sys/devices/system/cpu/isolated}, from {@code isolcpus=} at boot, read as the observe
 * layer's CPU collector reads it for {@code asios_cpu_isolated}), and those ASIOS isolated at run
 * time in its {@value CpuIsolationTunable#ISOLATED} cpuset ({@code cpuset.cpus.effective}, else
 * {@code cpuset.cpus}). Read on every {@link #get()}; a missing or garbled file adds nothing (a
 * garbled one is a warning in the sysroot's diagnostics). Thread-safe.
 */
public final class IsolatedCpus implements Supplier<CpuSet> {

    static final String SYSFS_ISOLATED = "/sys/devices/system/cpu/isolated";

    private final SysrootValues values;
    private final List<String> cpusetFolders;

    private IsolatedCpus(Sysroot sysroot, List<String> cpusetFolders) {
        this.values = new SysrootValues(sysroot);
        this.cpusetFolders = List.copyOf(cpusetFolders);
    }

    /** The isolated CPUs of sysfs and of the cpuset folders given (absolute host paths). */
    public static IsolatedCpus of(Sysroot sysroot, List<String> cpusetFolders) {
        return new IsolatedCpus(sysroot, cpusetFolders);
    }

    /**
     * The isolated CPUs of sysfs and of the {@value CpuIsolationTunable#ISOLATED} cpuset under
     * every cpuset hierarchy of {@code cgroups}: the cgroup v1 {@code cpuset} mount, or the
     * cgroup v2 mount where cpuset is available there.
     */
    public static IsolatedCpus forHost(Sysroot sysroot, Cgroups cgroups) {
        List<String> folders = new ArrayList<>();
        for (CgroupMount mount : cgroups.mounts()) {
            boolean v1Cpuset = mount.version() == CgroupVersion.V1 && mount.controllers().contains("cpuset");
            boolean v2Cpuset = mount.version() == CgroupVersion.V2 && cgroups.cpusetOnV2();
            if (v1Cpuset || v2Cpuset) {
                folders.add(mount.mountPoint() + "/" + CpuIsolationTunable.ISOLATED);
            }
        }
        return new IsolatedCpus(sysroot, folders);
    }

    /** The cpuset folders read. */
    public List<String> cpusetFolders() {
        return cpusetFolders;
    }

    @Override
    public CpuSet get() {
        CpuSet isolated = values.parsed(SYSFS_ISOLATED, KernelValueParser::parseSysfsCpuList).orElse(CpuSet.empty());
        for (String folder : cpusetFolders) {
            CpuSet cpus = values.parsed(folder + "/cpuset.cpus.effective", KernelValueParser::parseSysfsCpuList)
                    .or(() -> values.parsed(folder + "/cpuset.cpus", KernelValueParser::parseSysfsCpuList))
                    .orElse(CpuSet.empty());
            isolated = isolated.or(cpus);
        }
        return isolated;
    }
}
