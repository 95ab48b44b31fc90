package dev.asios.observe.memory;

import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.kerneltext.CollectorPart;
import dev.asios.observe.kerneltext.IndexedSeries;
import dev.asios.observe.kerneltext.KernelTextFile;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;

/**
 * The memory and NUMA allocation counters of each online node, from
 * {@code /sys/devices/system/node/nodeN/meminfo} and {@code numastat}. A node whose files are
 * missing in a collection loses its series. Not thread-safe.
 */
final class NodePart implements CollectorPart {

    /** The {@code numastat} counters, exposed under these names as the {@code event} label. */
    static final String[] NUMA_EVENTS = {"numa_hit", "numa_miss", "numa_foreign", "interleave_hit", "local_node", "other_node"};

    private final Sysroot sysroot;
    private final ByteText buffer;
    private final NumaNodes nodes;
    private final KernelFields meminfo = new KernelFields(2, "MemTotal:", "MemFree:", "MemUsed:", "FilePages:", "AnonPages:");
    private final KernelFields numastat = new KernelFields(0, NUMA_EVENTS);
    private final IndexedSeries[] memory;
    private final IndexedSeries events;
    private KernelTextFile[] meminfoFiles = new KernelTextFile[0];
    private KernelTextFile[] numastatFiles = new KernelTextFile[0];
    private int[] fileNodes = new int[0];
    private long seenChanges;

    NodePart(Sysroot sysroot, ByteText buffer, NumaNodes nodes, MetricRegistry registry) {
        this.sysroot = sysroot;
        this.buffer = buffer;
        this.nodes = nodes;
        this.memory = new IndexedSeries[] {
            new IndexedSeries(registry.gauge("asios_node_memory_total_bytes", "Memory of the NUMA node.", "bytes", "node")),
            new IndexedSeries(registry.gauge("asios_node_memory_free_bytes", "Memory of the NUMA node not used for anything.", "bytes", "node")),
            new IndexedSeries(registry.gauge("asios_node_memory_used_bytes", "Memory of the NUMA node in use, page cache included.", "bytes", "node")),
            new IndexedSeries(registry.gauge("asios_node_memory_file_bytes", "Page cache on the NUMA node.", "bytes", "node")),
            new IndexedSeries(registry.gauge("asios_node_memory_anon_bytes", "Anonymous memory (process heaps and stacks) on the NUMA node.", "bytes",
                    "node")),
        };
        this.events = new IndexedSeries(registry.counter("asios_numa_events",
                "Page allocations on the NUMA node by outcome: on the intended node or not, intended here but placed elsewhere,"
                        + " interleaved, for a task on this node or another.",
                null, "node", "event"), NUMA_EVENTS);
    }

    @Override
    public void collect() {
        if (nodes.changes() != seenChanges) {
            seenChanges = nodes.changes();
            files(nodes.nodes());
        }
        beginRounds();
        for (int i = 0; i < fileNodes.length; i++) {
            if (meminfoFiles[i].readIfPresent(meminfo)) {
                for (int field = 0; field < memory.length; field++) {
                    if (meminfo.has(field)) {
                        memory[field].one(fileNodes[i]).set(meminfo.value(field));
                    }
                }
            }
            if (numastatFiles[i].readIfPresent(numastat)) {
                Series[] counters = events.of(fileNodes[i]);
                for (int event = 0; event < counters.length; event++) {
                    if (numastat.has(event)) {
                        counters[event].set(numastat.value(event));
                    }
                }
            }
        }
        endRounds();
    }

    private void files(int[] online) {
        fileNodes = online.clone();
        meminfoFiles = new KernelTextFile[online.length];
        numastatFiles = new KernelTextFile[online.length];
        for (int i = 0; i < online.length; i++) {
            meminfoFiles[i] = new KernelTextFile(sysroot, NumaNodes.dir(online[i]) + "/meminfo", buffer);
            numastatFiles[i] = new KernelTextFile(sysroot, NumaNodes.dir(online[i]) + "/numastat", buffer);
        }
    }

    private void beginRounds() {
        for (IndexedSeries series : memory) {
            series.beginRound();
        }
        events.beginRound();
    }

    private void endRounds() {
        for (IndexedSeries series : memory) {
            series.endRound();
        }
        events.endRound();
    }
}
