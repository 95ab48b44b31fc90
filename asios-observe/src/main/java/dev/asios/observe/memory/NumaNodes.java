package dev.asios.observe.memory;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysrootValues;
import dev.asios.observe.kerneltext.CollectorPart;
import java.util.Arrays;

/**
 * The online NUMA nodes, from {@code /sys/devices/system/node/online}, read at the first
 * collection and again every {@link #RESCAN_COLLECTIONS} collections: nodes come and go when
 * memory is hot-plugged (CXL expanders, GPU memory that a driver onlines). A kernel without NUMA
 * has no such folder and no nodes. Not thread-safe.
 */
final class NumaNodes implements CollectorPart {

    static final String NODE_DIR = "/sys/devices/system/node";
    /** Collections between two readings of the online nodes (a minute at the default interval). */
    static final int RESCAN_COLLECTIONS = 60;

    private final SysrootValues values;
    private final boolean numa;
    private int[] nodes = new int[0];
    private long changes;
    private int collections;

    NumaNodes(SysrootValues values) {
        this.values = values;
        this.numa = values.sysroot().isDirectory(NODE_DIR);
    }

    /** True if the kernel has NUMA (the node folder exists). */
    boolean numa() {
        return numa;
    }

    @Override
    public void collect() {
        if (collections++ % RESCAN_COLLECTIONS != 0 || !numa) {
            return;
        }
        int[] online = values.cpuList(NODE_DIR + "/online").map(CpuSet::toArray).orElse(nodes);
        if (!Arrays.equals(online, nodes)) {
            nodes = online;
            changes++;
        }
    }

    /** The online nodes, ascending; do not change the array. */
    int[] nodes() {
        return nodes;
    }

    /** How many times the node list changed. */
    long changes() {
        return changes;
    }

    /** The folder of node {@code node}. */
    static String dir(int node) {
        return NODE_DIR + "/node" + node;
    }
}
