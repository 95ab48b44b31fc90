package dev.asios.host.inspect;

import dev.asios.host.cpu.CpuTopology;
import dev.asios.host.numa.NumaTopology;
import dev.asios.host.sysroot.Diagnostics;
import java.util.List;

/**
 * Everything ASIOS knows about a host at one moment: the model that tuning, placement and
 * findings are computed from. Immutable.
 *
 * @param sysroot the root it was read from ({@code /} for the running host)
 * @param cpu CPUs, caches and their grouping
 * @param numa NUMA nodes, memory, hugepages and distances
 * @param warnings files that were missing where expected, unreadable or garbled
 */
public record HostSnapshot(String sysroot, CpuTopology cpu, NumaTopology numa, List<Diagnostics.Warning> warnings) {

    /** Creates an immutable copy. */
    public HostSnapshot {
        warnings = List.copyOf(warnings);
    }
}
