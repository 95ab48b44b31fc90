package dev.asios.health.adapt;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One NUMA node's hugepage pool of one page size, as
 * {@code /sys/devices/system/node/nodeN/hugepages/hugepages-SIZEkB} shows it. The kernel counts
 * reserved pages (promised to a mapping, not yet faulted in) only for the whole machine
 * ({@code /sys/kernel/mm/hugepages/hugepages-SIZEkB/resv_hugepages}); a node's floor counts all of
 * them, exact on a machine of one node and on the safe side on others. Immutable.
 *
 * @param node the node's number
 * @param pageSizeKib the page size in KiB: 2048, 1048576
 * @param persistentPages the pool's size, {@code nr_hugepages}: what the manager writes
 * @param freePages pages not in use, {@code free_hugepages}
 * @param surplusPages pages allocated above the pool's size through overcommit, {@code surplus_hugepages}
 * @param reservedPages pages reserved machine-wide, {@code resv_hugepages}
 */
record NodePool(int node, long pageSizeKib, long persistentPages, long freePages, long surplusPages, long reservedPages) {

    private static final String NODES = "/sys/devices/system/node";

    /** Pages mapped by processes now: the pool and its surplus, less the free pages. */
    long heldPages() {
        return Math.max(0, persistentPages + surplusPages - freePages);
    }

    /** The fewest pages the pool may have: those held and those reserved. */
    long floorPages() {
        return heldPages() + reservedPages;
    }

    /** The pool's size file: what the manager writes. */
    String sizePath() {
        return folder(node, pageSizeKib) + "/nr_hugepages";
    }

    /** The subject of proposals and audit events: {@code node/0 2048kB}. */
    String subject() {
        return "node/" + node + " " + pageSizeKib + "kB";
    }

    /**
     * Every node's pools, by node and page size; a pool whose files are missing or garbled is left
     * out. Empty on a kernel without NUMA sysfs.
     */
    static List<NodePool> read(Sysroot sysroot) {
        SysrootValues values = new SysrootValues(sysroot);
        List<NodePool> pools = new ArrayList<>();
        for (String name : sysroot.list(NODES)) {
            // Format of the folder names: "node0", "hugepages-2048kB"
            if (!name.matches("node\\d{1,5}")) {
                continue;
            }
            int node = Integer.parseInt(name.substring(4));
            for (String size : sysroot.list(NODES + "/" + name + "/hugepages")) {
                if (size.matches("hugepages-\\d{1,12}kB")) {
                    long kib = Long.parseLong(size.substring(10, size.length() - 2));
                    read(values, node, kib).ifPresent(pools::add);
                }
            }
        }
        pools.sort(Comparator.comparingInt(NodePool::node).thenComparingLong(NodePool::pageSizeKib));
        return pools;
    }

    private static Optional<NodePool> read(SysrootValues values, int node, long kib) {
        String folder = folder(node, kib);
        OptionalLong size = values.longValue(folder + "/nr_hugepages");
        OptionalLong free = values.longValue(folder + "/free_hugepages");
        if (size.isEmpty() || free.isEmpty()) {
            return Optional.empty();
        }
        long surplus = values.longValue(folder + "/surplus_hugepages").orElse(0);
        long reserved = values.longValue("/sys/kernel/mm/hugepages/hugepages-" + kib + "kB/resv_hugepages").orElse(0);
        return Optional.of(new NodePool(node, kib, size.getAsLong(), free.getAsLong(), surplus, reserved));
    }

    private static String folder(int node, long kib) {
        return NODES + "/node" + node + "/hugepages/hugepages-" + kib + "kB";
    }
}
