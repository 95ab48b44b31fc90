package dev.asios.observe.memory;

import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import dev.asios.observe.collect.Availability;
import dev.asios.observe.kerneltext.PartsCollector;
import dev.asios.observe.metric.MetricRegistry;

/**
 * Memory, swap, page faults, transparent hugepages, NUMA placement and hugepage pools, from
 * {@code /proc} and {@code /sys}. Series, by source:
 *
 * <ul>
 *   <li>{@code /proc/meminfo}: {@code asios_memory_total_bytes}, {@code _available_bytes},
 *       {@code _free_bytes}, {@code _cached_bytes}, {@code asios_swap_total_bytes},
 *       {@code asios_swap_free_bytes}. A field the kernel does not print (MemAvailable before
 *       Linux 3.14) has no series.
 *   <li>{@code /proc/vmstat}: {@code asios_swap_in_pages_total}, {@code asios_swap_out_pages_total}
 *       (pswpin, pswpout), {@code asios_page_faults_total}, {@code asios_major_page_faults_total}
 *       (pgfault, pgmajfault), {@code asios_thp_events_total{event}} for every {@code thp_*} line
 *       the kernel has, the event being the line's name.
 *   <li>{@code /sys/devices/system/node/nodeN/meminfo}:
 *       {@code asios_node_memory_total_bytes{node}}, {@code _free_bytes}, {@code _used_bytes},
 *       {@code _file_bytes} (FilePages), {@code _anon_bytes} (AnonPages); {@code numastat}:
 *       {@code asios_numa_events_total{node,event}}, event one of numa_hit, numa_miss,
 *       numa_foreign, interleave_hit, local_node, other_node. A kernel without NUMA has no node
 *       series; the host-wide ones say the same.
 *   <li>{@code .../nodeN/hugepages/hugepages-<size>kB/}: {@code asios_hugepages_bytes},
 *       {@code asios_hugepages_free_bytes} and {@code asios_hugepages_surplus_bytes}, each
 *       {@code {node,page_size_bytes}}; without NUMA, the machine-wide pools as node 0. Three
 *       gauges rather than one with a {@code state} label because the states overlap (free pages
 *       are part of the pool), so a sum over such a label would mean nothing, which Prometheus'
 *       naming rules ask to avoid; bytes rather than pages so that sizes and nodes add up.
 * </ul>
 *
 * <p>The online nodes are read again every 60 collections (a minute at one collection a second).
 * A file that fails in one collection does not stop the others; the first failure is thrown after
 * all were read. Available when {@code /proc/meminfo} is readable. Once warm, a collection allocates only what
 * {@link Sysroot#readInto} costs per file.
 *
 * <p>Not thread-safe: one thread collects, the collector loop's (building it before the loop
 * starts is fine).
 */
public final class MemoryCollector extends PartsCollector {

    /** Registers the families in {@code registry} and finds the THP counters and hugepage sizes of this host. */
    public MemoryCollector(Sysroot sysroot, MetricRegistry registry) {
        this(sysroot, registry, new ByteText(), new NumaNodes(new SysrootValues(sysroot)));
    }

    private MemoryCollector(Sysroot sysroot, MetricRegistry registry, ByteText buffer, NumaNodes nodes) {
        super("memory",
                sysroot.readInto(FieldsPart.MEMINFO, buffer) ? Availability.AVAILABLE
                        : Availability.unavailable(FieldsPart.MEMINFO + " is missing or unreadable; is /proc mounted?"),
                FieldsPart.meminfo(sysroot, buffer, registry),
                FieldsPart.vmstat(sysroot, buffer, registry),
                nodes,
                new NodePart(sysroot, buffer, nodes, registry),
                new HugepagesPart(sysroot, buffer, nodes, registry));
    }
}
