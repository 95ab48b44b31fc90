package dev.asios.run.launch;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sys.PerfCounters;
import dev.asios.host.sys.ResourceUsage;
import dev.asios.run.place.Placement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a run got and used, from three sources measured independently: the process
 * ({@code getrusage} of the ended child and its waited-for descendants), perf software counters on
 * its tasks (they follow threads and children), and its cgroup. Immutable.
 *
 * @param id the run id
 * @param command the command and its arguments
 * @param placement where it ran
 * @param exitCode its exit status; 128 + N when signal N killed it
 * @param startedAt when its command started
 * @param wallMillis wall-clock time from start to exit, milliseconds
 * @param process the process's own accounting (CPU time, faults, switches); its {@code maxRssKib}
 *     is not the run's (a child of the JVM inherits the JVM's size until {@code exec}): see {@code peakRssKib}
 * @param peakRssKib the main process's peak resident memory, KiB, sampled from {@code VmHWM}; empty for a run too short to sample
 * @param perf the perf counters, empty when the kernel refused them ({@link #perfUnavailable} says why)
 * @param perfUnavailable why there are no perf counters
 * @param cgroup what the cgroup counted
 * @param cpusUsed the CPUs that ran the run's tasks (from the per-CPU perf clock, or the cgroup's
 *     per-CPU time), empty when neither is known
 * @param notes what could not be done on this host, one line each
 */
public record RunReport(String id, List<String> command, Placement placement, int exitCode, Instant startedAt, long wallMillis,
        ResourceUsage process, OptionalLong peakRssKib, Optional<PerfCounters.Snapshot> perf, Optional<String> perfUnavailable, CgroupUsage cgroup,
        CpuSet cpusUsed, List<String> notes) {

    /** Creates an immutable copy. */
    public RunReport {
        command = List.copyOf(command);
        notes = List.copyOf(notes);
    }

    /** The CPUs that ran the run's tasks but are not among the CPUs it was placed on. */
    public CpuSet cpusOutsidePlacement() {
        return cpusUsed.andNot(placement.cpus());
    }
}
