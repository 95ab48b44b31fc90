package dev.asios.observe.cpu;

import dev.asios.host.kernel.KernelValueParser;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysrootValues;
import dev.asios.observe.kerneltext.CollectorPart;
import dev.asios.observe.kerneltext.IndexedSeries;
import dev.asios.observe.metric.MetricRegistry;
import java.util.Optional;

/**
 * Which CPUs are online and which are isolated, for every present CPU. Both change rarely, so
 * they are read again only when the online CPUs of {@code /proc/stat} change (and at the first
 * collection), which costs nothing in between.
 *
 * <p>Isolated means what {@code /sys/devices/system/cpu/isolated} lists, read with the parser of
 * asios-host's kernel state: the CPUs taken out of the scheduler's load-balancing domains by
 * {@code isolcpus=} at boot (with the {@code domain} flag, or no flag). CPUs that are only
 * {@code nohz_full}, and CPUs isolated at run time by a cgroup v2 cpuset partition, are not.
 * Without that file (old kernels) there is no isolated series. Not thread-safe.
 */
final class CpuStatePart implements CollectorPart {

    static final String PRESENT = "/sys/devices/system/cpu/present";
    static final String ISOLATED = "/sys/devices/system/cpu/isolated";

    private final SysrootValues values;
    private final StatPart stat;
    private final IndexedSeries online;
    private final IndexedSeries isolated;
    private long seenOnlineChanges;

    CpuStatePart(SysrootValues values, StatPart stat, MetricRegistry registry) {
        this.values = values;
        this.stat = stat;
        this.online = new IndexedSeries(registry.gauge("asios_cpu_online", "1 if the CPU is online, 0 if it is present but offline.", null, "cpu"));
        this.isolated = new IndexedSeries(registry.gauge("asios_cpu_isolated",
                "1 if the kernel isolates the CPU from scheduler load balancing (isolcpus=), else 0.", null, "cpu"));
    }

    @Override
    public void collect() {
        if (stat.onlineChanges() == seenOnlineChanges) {
            return;
        }
        seenOnlineChanges = stat.onlineChanges();
        CpuIds onlineCpus = stat.online();
        CpuSet present = values.cpuList(PRESENT).orElse(CpuSet.empty());
        Optional<CpuSet> isolatedCpus = values.parsed(ISOLATED, KernelValueParser::parseSysfsCpuList);
        online.beginRound();
        isolated.beginRound();
        for (int cpu : present.or(CpuSet.of(onlineIds(onlineCpus))).toArray()) {
            online.one(cpu).set(onlineCpus.contains(cpu) ? 1 : 0);
            isolatedCpus.ifPresent(cpus -> isolated.one(cpu).set(cpus.contains(cpu) ? 1 : 0));
        }
        online.endRound();
        isolated.endRound();
    }

    private static int[] onlineIds(CpuIds cpus) {
        int[] ids = new int[cpus.count()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = cpus.cpu(i);
        }
        return ids;
    }
}
