package dev.asios.observe.memory;

import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.kerneltext.CollectorPart;
import dev.asios.observe.kerneltext.IndexedSeries;
import dev.asios.observe.kerneltext.KernelTextFile;
import dev.asios.observe.kerneltext.SingleNumber;
import dev.asios.observe.metric.MetricRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The hugepage pools per node and page size, from
 * {@code /sys/devices/system/node/nodeN/hugepages/hugepages-<size>kB/}: three gauges in bytes,
 * the persistent pool ({@code nr_hugepages}), its free part ({@code free_hugepages}) and the
 * surplus pages allocated beyond it ({@code surplus_hugepages}). A kernel without NUMA has no node
 * folders; its machine-wide pools ({@code /sys/kernel/mm/hugepages}) are reported as node 0, the
 * node such a machine has. The page sizes are those of {@code /sys/kernel/mm/hugepages}, fixed at
 * boot. Not thread-safe.
 */
final class HugepagesPart implements CollectorPart {

    static final String MACHINE_DIR = "/sys/kernel/mm/hugepages";

    private static final String[] FILES = {"nr_hugepages", "free_hugepages", "surplus_hugepages"};
    private static final int[] NO_NUMA_NODES = {0};

    private final Sysroot sysroot;
    private final ByteText buffer;
    private final NumaNodes nodes;
    private final long[] pageSizesBytes;
    private final IndexedSeries[] states;
    private final SingleNumber pages = new SingleNumber();
    /** By node index, page size and state. */
    private KernelTextFile[][][] files = new KernelTextFile[0][][];
    private int[] fileNodes = new int[0];
    private long seenChanges = -1;

    HugepagesPart(Sysroot sysroot, ByteText buffer, NumaNodes nodes, MetricRegistry registry) {
        this.sysroot = sysroot;
        this.buffer = buffer;
        this.nodes = nodes;
        this.pageSizesBytes = pageSizesBytes(sysroot);
        String[] sizeLabels = new String[pageSizesBytes.length];
        for (int i = 0; i < sizeLabels.length; i++) {
            sizeLabels[i] = Long.toString(pageSizesBytes[i]);
        }
        this.states = new IndexedSeries[] {
            new IndexedSeries(registry.gauge("asios_hugepages_bytes", "Persistent hugepage pool of the node and page size (nr_hugepages).", "bytes",
                    "node", "page_size_bytes"), sizeLabels),
            new IndexedSeries(registry.gauge("asios_hugepages_free_bytes", "Hugepages of the node and page size not in use.", "bytes", "node",
                    "page_size_bytes"), sizeLabels),
            new IndexedSeries(registry.gauge("asios_hugepages_surplus_bytes", "Hugepages allocated beyond the persistent pool (overcommit).", "bytes",
                    "node", "page_size_bytes"), sizeLabels),
        };
    }

    // Format of the folder names: "hugepages-2048kB", as asios-host's HugepageReader reads them
    private static long[] pageSizesBytes(Sysroot sysroot) {
        List<Long> sizes = new ArrayList<>();
        for (String name : sysroot.list(MACHINE_DIR)) {
            String kib = name.startsWith("hugepages-") && name.endsWith("kB") ? name.substring("hugepages-".length(), name.length() - 2) : "";
            if (!kib.isEmpty() && kib.length() < 16 && kib.chars().allMatch(Character::isDigit)) {
                sizes.add(Long.parseLong(kib) * 1024);
            }
        }
        return sizes.stream().sorted().mapToLong(Long::longValue).toArray();
    }

    @Override
    public void collect() {
        if (nodes.changes() != seenChanges) {
            seenChanges = nodes.changes();
            files(nodes.numa() ? nodes.nodes() : NO_NUMA_NODES);
        }
        for (IndexedSeries series : states) {
            series.beginRound();
        }
        for (int n = 0; n < fileNodes.length; n++) {
            for (int size = 0; size < pageSizesBytes.length; size++) {
                for (int state = 0; state < states.length; state++) {
                    if (files[n][size][state].readIfPresent(pages)) {
                        states[state].of(fileNodes[n])[size].set((double) pages.value() * pageSizesBytes[size]);
                    }
                }
            }
        }
        for (IndexedSeries series : states) {
            series.endRound();
        }
    }

    private void files(int[] nodeNumbers) {
        fileNodes = nodeNumbers.clone();
        files = new KernelTextFile[nodeNumbers.length][pageSizesBytes.length][FILES.length];
        for (int n = 0; n < nodeNumbers.length; n++) {
            String base = nodes.numa() ? NumaNodes.dir(nodeNumbers[n]) + "/hugepages" : MACHINE_DIR;
            for (int size = 0; size < pageSizesBytes.length; size++) {
                String dir = base + "/hugepages-" + pageSizesBytes[size] / 1024 + "kB/";
                for (int state = 0; state < FILES.length; state++) {
                    files[n][size][state] = new KernelTextFile(sysroot, dir + FILES[state], buffer);
                }
            }
        }
    }
}
