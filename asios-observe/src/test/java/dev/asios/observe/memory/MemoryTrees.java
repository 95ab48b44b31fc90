package dev.asios.observe.memory;

import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Path;

/** Recorded trees for the memory tests. */
final class MemoryTrees {

    static final String MEMINFO = """
            MemTotal:       32768000 kB
            MemFree:        20000000 kB
            MemAvailable:   30000000 kB
            Buffers:           45636 kB
            Cached:          1257728 kB
            SwapTotal:       8388604 kB
            SwapFree:        8388000 kB
            HugePages_Total:       0
            """;

    static final String VMSTAT = """
            nr_free_pages 5756459
            numa_hit 342452642
            pswpin 12
            pswpout 151
            pgfault 332559928
            pgmajfault 21906
            thp_fault_alloc 94927
            thp_fault_fallback 3
            thp_split_pmd 7
            """;

    private MemoryTrees() {
    }

    /** Two NUMA nodes, each with 2 MiB and 1 GiB hugepages. */
    static SysfsTree twoNodes(Path root) {
        SysfsTree tree = new SysfsTree(root).file("/proc/meminfo", MEMINFO).file("/proc/vmstat", VMSTAT)
                .file("/sys/devices/system/node/online", "0-1\n");
        for (int node = 0; node < 2; node++) {
            String dir = "/sys/devices/system/node/node" + node;
            tree.file(dir + "/meminfo", """
                    Node %1$d MemTotal:       16384000 kB
                    Node %1$d MemFree:        1000%1$d000 kB
                    Node %1$d MemUsed:         6384000 kB
                    Node %1$d FilePages:        60%1$d000 kB
                    Node %1$d AnonPages:        20%1$d000 kB
                    Node %1$d HugePages_Total:     0
                    """.formatted(node))
                    .file(dir + "/numastat", "numa_hit 10%1$d\nnuma_miss 2%1$d\nnuma_foreign 3%1$d\ninterleave_hit 4%1$d\nlocal_node 9%1$d\nother_node 1%1$d\n"
                            .formatted(node));
            hugepages(tree, dir + "/hugepages/hugepages-2048kB/", 512 + node, 100 + node, node);
            hugepages(tree, dir + "/hugepages/hugepages-1048576kB/", 4 + node, 1, 0);
        }
        hugepages(tree, "/sys/kernel/mm/hugepages/hugepages-2048kB/", 1025, 201, 1);
        return hugepages(tree, "/sys/kernel/mm/hugepages/hugepages-1048576kB/", 9, 2, 0);
    }

    static SysfsTree hugepages(SysfsTree tree, String dir, long total, long free, long surplus) {
        return tree.file(dir + "nr_hugepages", total + "\n").file(dir + "free_hugepages", free + "\n").file(dir + "surplus_hugepages", surplus + "\n");
    }
}
