package dev.asios.observe.cpu;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import dev.asios.observe.collect.Availability;
import dev.asios.observe.kerneltext.CollectorPart;
import dev.asios.observe.kerneltext.PartsCollector;
import dev.asios.observe.metric.MetricRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time, interrupts, scheduler activity, frequency and state per CPU, from {@code /proc} and
 * {@code /sys}. Series, by source:
 *
 * <ul>
 *   <li>{@code /proc/stat}: {@code asios_cpu_seconds_total{cpu,mode}} for the modes user, nice,
 *       system, idle, iowait, irq, softirq and steal, in seconds (the kernel counts in ticks of
 *       {@code USER_HZ}, which is 100 on Linux; guest and guest_nice time are already part of user
 *       and nice, so they are not repeated); {@code asios_context_switches_total},
 *       {@code asios_forks_total}, {@code asios_procs_running}, {@code asios_procs_blocked}.
 *   <li>{@code /proc/interrupts}: {@code asios_cpu_interrupts_total{cpu}}, every row with a count
 *       per CPU summed, kept monotonic when a row disappears.
 *   <li>{@code /proc/softirqs}: {@code asios_cpu_softirqs_total{cpu,type}}, type one of hi, timer,
 *       net_tx, net_rx, block, irq_poll, tasklet, sched, hrtimer, rcu.
 *   <li>{@code /proc/schedstat}: {@code asios_cpu_runqueue_wait_seconds_total{cpu}}. The file
 *       exists only in kernels built with {@code CONFIG_SCHEDSTATS} (some cloud and VM kernels
 *       lack it); then there is no such series. A schedstat version other than 15 to 17 is left
 *       out with a warning in the sysroot's diagnostics.
 *   <li>{@code cpuN/cpufreq/scaling_cur_freq}: {@code asios_cpu_frequency_hertz{cpu}}, only for
 *       CPUs with a cpufreq driver; a virtual machine usually has none and so no series.
 *   <li>{@code /sys/devices/system/cpu/present} and {@code isolated}:
 *       {@code asios_cpu_online{cpu}} and {@code asios_cpu_isolated{cpu}} (1 or 0) for every
 *       present CPU; isolated means taken out of scheduler load balancing by {@code isolcpus=}.
 * </ul>
 *
 * <p>CPUs come and go: a CPU that appears gets its series, one that disappears from a file loses
 * that file's series. A file that fails in one collection does not stop the others; the first
 * failure is thrown after all were read. Available when {@code /proc/stat} is readable; the other
 * files are optional and decided at construction. Once warm, a collection allocates only what
 * {@link Sysroot#readInto} costs per file.
 *
 * <p>Not thread-safe: one thread collects, the collector loop's (building it before the loop
 * starts is fine).
 */
public final class CpuCollector extends PartsCollector {

    /** Registers the families in {@code registry} and decides which files this host has. */
    public CpuCollector(Sysroot sysroot, MetricRegistry registry) {
        this(sysroot, registry, new ByteText());
    }

    private CpuCollector(Sysroot sysroot, MetricRegistry registry, ByteText buffer) {
        super("cpu", availability(sysroot, buffer), parts(sysroot, registry, buffer));
    }

    private static Availability availability(Sysroot sysroot, ByteText buffer) {
        return sysroot.readInto(StatPart.PATH, buffer) ? Availability.AVAILABLE
                : Availability.unavailable(StatPart.PATH + " is missing or unreadable; is /proc mounted?");
    }

    private static CollectorPart[] parts(Sysroot sysroot, MetricRegistry registry, ByteText buffer) {
        StatPart stat = new StatPart(sysroot, buffer, registry);
        List<CollectorPart> parts = new ArrayList<>(List.of(stat, new CpuStatePart(new SysrootValues(sysroot), stat, registry)));
        if (sysroot.exists(InterruptsPart.PATH)) {
            parts.add(new InterruptsPart(sysroot, buffer, registry));
        }
        if (sysroot.exists(SoftirqsPart.PATH)) {
            parts.add(new SoftirqsPart(sysroot, buffer, registry));
        }
        if (schedstatReadable(sysroot, buffer)) {
            parts.add(new RunQueuePart(sysroot, buffer, registry));
        }
        parts.add(new FrequencyPart(sysroot, buffer, stat, registry));
        return parts.toArray(CollectorPart[]::new);
    }

    private static boolean schedstatReadable(Sysroot sysroot, ByteText buffer) {
        if (!sysroot.readInto(RunQueuePart.PATH, buffer)) {
            return false;
        }
        try {
            new Schedstat().parse(buffer);
            return true;
        } catch (ParseException e) {
            sysroot.diagnostics().warn(RunQueuePart.PATH, e.getMessage() + "; run-queue wait is not collected");
            return false;
        }
    }
}
