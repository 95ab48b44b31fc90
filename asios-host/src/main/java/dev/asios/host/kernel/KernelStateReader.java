package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.SysrootValues;
import java.util.Optional;

/**
 * Reads the whole {@link KernelState} from a sysroot. Never throws for a missing or bad file:
 * missing files are absences, garbled ones warnings in the sysroot's diagnostics. Not
 * thread-safe; make one per read.
 */
public final class KernelStateReader {

    private final SysrootValues values;

    /** Reads through {@code values}. */
    public KernelStateReader(SysrootValues values) {
        this.values = values;
    }

    /**
     * Reads the kernel state now.
     *
     * @param onlineCpus the online CPUs: whose cpufreq settings are read, and whose first member's
     *     idle states are listed; the highest is the {@code N} of boot CPU lists when
     *     {@code /sys/devices/system/cpu/possible} is missing
     */
    public KernelState read(CpuSet onlineCpus) {
        KernelInfo kernel = kernelInfo();
        BootParameters boot = new BootParameters(kernel.commandLine().orElse(KernelCommandLine.EMPTY), values.sysroot().diagnostics());
        int lastCpu = lastCpu(onlineCpus);
        ProcessTable processes = new ProcessTable(values.sysroot());
        return new KernelState(
                kernel,
                new MemoryPolicyReader(values).read(),
                new CpuPowerReader(values).read(onlineCpus, boot),
                new IsolationReader(values).read(boot, lastCpu),
                new CgroupReader(values).read(kernel.version()),
                new IommuReader(values).read(kernel.commandLine().orElse(KernelCommandLine.EMPTY)),
                new IrqReader(values).read(),
                new IrqbalanceReader(processes, values.sysroot().diagnostics()).read(),
                new VirtualMachineDetector(values).detect(),
                new ContainerDetector(values, processes).detect(),
                values.parsed("/proc/self/limits", LockedMemoryLimit::parse),
                new KernelSysctls(
                        values.longValue("/proc/sys/kernel/nmi_watchdog"),
                        values.longValue("/proc/sys/kernel/timer_migration"),
                        values.longValue("/proc/sys/vm/stat_interval"),
                        values.longValue("/proc/sys/kernel/sched_rt_runtime_us")));
    }

    private KernelInfo kernelInfo() {
        Optional<String> banner = KernelFiles.name(values, "/proc/version").map(s -> s.lines().findFirst().orElse(s));
        String releasePath = "/proc/sys/kernel/osrelease";
        Optional<String> release = KernelFiles.name(values, releasePath);
        if (release.isEmpty() && banner.isPresent()) {
            releasePath = "/proc/version";
            release = values.parsed(releasePath, KernelInfo::parseBannerRelease);
        }
        Optional<KernelVersion> version = Optional.empty();
        if (release.isPresent()) {
            try {
                version = Optional.of(KernelVersion.parse(release.get()));
            } catch (ParseException e) {
                values.sysroot().diagnostics().warn(releasePath, e.getMessage());
            }
        }
        return new KernelInfo(release, version, banner, values.parsed("/proc/cmdline", CommandLineParser::parse));
    }

    private int lastCpu(CpuSet onlineCpus) {
        CpuSet possible = values.cpuList("/sys/devices/system/cpu/possible").orElse(onlineCpus);
        return possible.stream().max().orElse(-1);
    }
}
