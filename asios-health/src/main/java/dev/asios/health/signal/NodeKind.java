package dev.asios.health.signal;

import dev.asios.health.signal.SignalNames.Node;
import java.util.TreeSet;

/**
 * {@code node/N} for every node of {@code asios_node_memory_total_bytes{node}} or
 * {@code asios_hugepages_free_bytes{node,page_size_bytes}}: used over total memory, free
 * hugepages summed over the page sizes, and the {@code numa_miss} and {@code numa_foreign}
 * events of {@code asios_numa_events_total{node,event}} as rates.
 */
final class NodeKind extends SignalKind {

    static final String TOTAL = "asios_node_memory_total_bytes";
    static final String USED = "asios_node_memory_used_bytes";
    static final String HUGEPAGES_FREE = "asios_hugepages_free_bytes";
    static final String NUMA_EVENTS = "asios_numa_events";

    NodeKind() {
        super(TOTAL, USED, HUGEPAGES_FREE, NUMA_EVENTS);
    }

    @Override
    void build(KindBuild build) {
        SeriesLookup lookup = build.lookup();
        TreeSet<String> nodes = new TreeSet<>(EntityOrder.INSTANCE);
        nodes.addAll(lookup.firstLabels(TOTAL));
        nodes.addAll(lookup.firstLabels(HUGEPAGES_FREE));
        for (String node : nodes) {
            build.group(Node.KIND, node)
                    .add(Node.MEMORY_USED_RATIO, build.gaugeRatio(lookup.series(USED, node), lookup.series(TOTAL, node)))
                    .add(Node.HUGEPAGES_FREE_BYTES, build.gaugeSum(lookup.withFirstLabel(HUGEPAGES_FREE, node)))
                    .add(Node.NUMA_MISS_PER_SECOND, build.rate(lookup.series(NUMA_EVENTS, node, "numa_miss")))
                    .add(Node.NUMA_FOREIGN_PER_SECOND, build.rate(lookup.series(NUMA_EVENTS, node, "numa_foreign")))
                    .done();
        }
    }
}
