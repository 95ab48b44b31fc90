package dev.asios.run.place;

import dev.asios.host.numa.HugepagePool;
import dev.asios.host.numa.NumaNode;
import dev.asios.host.parse.CpuSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Checks that the memory nodes of a run (always nodes with CPUs, never GPU memory) hold the
 * memory and hugepages it asks: free memory ({@code MemFree}, else {@code MemTotal}) and free
 * hugepages of the asked size. With {@link NumaPolicy#PREFERRED} what the nodes lack may come from
 * the other CPU nodes; the other policies refuse. Thread-safe.
 */
final class MemoryBinder {

    /**
     * What the nodes give.
     *
     * @param reasons the explanation lines
     * @param localShare the share of the asked memory and hugepages that the nodes hold, 0 to 1
     */
    record Fit(List<String> reasons, double localShare) {
    }

    private final DeviceNodes nodes;

    MemoryBinder(DeviceNodes nodes) {
        this.nodes = nodes;
    }

    /** True when {@code node} alone holds what {@code request} asks. */
    boolean fits(NumaNode node, PlacementRequest request) {
        CpuSet one = CpuSet.of(node.osIndex());
        return request.memoryBytes().orElse(0) <= freeBytes(one) && request.hugepages() <= freePages(one, request.hugepageSizeKib());
    }

    /**
     * Checks {@code request} against {@code memoryNodes}.
     *
     * @throws PlacementException if the nodes (or, for PREFERRED, all CPU nodes) lack the memory or
     *     the hugepages
     */
    Fit check(CpuSet memoryNodes, PlacementRequest request) throws PlacementException {
        List<String> reasons = new ArrayList<>();
        long free = freeBytes(memoryNodes);
        long asked = request.memoryBytes().orElse(0);
        String where = (memoryNodes.size() == 1 ? "node " : "nodes ") + memoryNodes.toList();
        String verb = switch (request.numaPolicy()) {
            case STRICT -> "bound to ";
            case PREFERRED -> "preferred on ";
            case INTERLEAVE -> "interleaved across ";
        };
        double share = 1;
        if (asked > free) {
            share = spill("asked " + Sizes.readable(asked) + " of memory; " + where + " has " + Sizes.readable(free) + " free",
                    asked, free, freeBytes(nodes.allCpuNodes()), Sizes::readable, request.numaPolicy(), "--memory " + Sizes.option(free));
        }
        reasons.add("memory: " + verb + where + " (" + Sizes.readable(free) + " free"
                + (asked > 0 ? ", " + Sizes.readable(asked) + " asked" : "") + (share < 1 ? "; the rest from other nodes" : "") + ")");
        if (request.hugepages() > 0) {
            long kib = request.hugepageSizeKib();
            long pages = freePages(memoryNodes, kib);
            if (request.hugepages() > pages) {
                share = Math.min(share, spill("asked " + request.hugepages() + " hugepages of " + kib + " kB; " + where + " has " + pages + " free",
                        request.hugepages(), pages, freePages(nodes.allCpuNodes(), kib), n -> n + " pages", request.numaPolicy(),
                        pages > 0 ? "--hugepages " + pages : null));
            }
            reasons.add("hugepages: " + request.hugepages() + " of " + kib + " kB on " + where + " (" + pages + " free)");
        }
        return new Fit(reasons, share);
    }

    private static double spill(String shortfall, long asked, long local, long machine, LongFunction<String> format,
            NumaPolicy policy, String smaller)
            throws PlacementException {
        if (policy == NumaPolicy.PREFERRED && asked <= machine) {
            return (double) local / asked;
        }
        if (asked <= machine) {
            throw new PlacementException(shortfall + "; --numa " + policy.name().toLowerCase(Locale.ROOT)
                    + " keeps it there", "--numa preferred");
        }
        throw new PlacementException(shortfall + ", and all nodes together have " + format.apply(machine), local > 0 ? smaller : null);
    }

    private long freeBytes(CpuSet nodeNumbers) {
        return nodes.cpuNodes().stream().filter(n -> nodeNumbers.contains(n.osIndex()))
                .mapToLong(n -> n.freeMemoryBytes().orElse(n.localMemoryBytes())).sum();
    }

    private long freePages(CpuSet nodeNumbers, long sizeKib) {
        return nodes.cpuNodes().stream().filter(n -> nodeNumbers.contains(n.osIndex()))
                .flatMap(n -> n.hugepages().stream())
                .filter(p -> p.pageSizeBytes() == sizeKib * 1024)
                .mapToLong(HugepagePool::free).sum();
    }
}
