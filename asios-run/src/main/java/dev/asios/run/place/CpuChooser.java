package dev.asios.run.place;

import dev.asios.host.cpu.CpuGroup;
import dev.asios.host.cpu.CpuTopology;
import dev.asios.host.numa.NumaNode;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciDevice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Chooses the CPUs of a run from the usable ones: on the GPUs' NUMA nodes for a GPU run, on the
 * fewest nodes for a CPU-only run, and within a node one thread of each core before any hyperthread
 * sibling. Thread-safe.
 */
final class CpuChooser {

    private final DeviceNodes nodes;
    private final Map<Integer, Integer> threadPosition = new HashMap<>();

    CpuChooser(CpuTopology cpu, DeviceNodes nodes) {
        this.nodes = nodes;
        for (CpuGroup core : cpu.cores()) {
            int[] threads = core.cpus().toArray();
            for (int i = 0; i < threads.length; i++) {
                threadPosition.put(threads[i], i);
            }
        }
    }

    /**
     * CPUs for {@code gpus} from {@code usable}: {@code count} of them (all on the GPUs' nodes when
     * absent), shared among the GPUs' nodes by their number of GPUs; when those nodes run short,
     * STRICT refuses and the other policies spill to the nearest nodes.
     */
    CpuSet forGpus(List<PciDevice> gpus, CpuSet usable, OptionalInt count, NumaPolicy policy) throws PlacementException {
        CpuSet gpuNodes = CpuSet.empty();
        Map<Integer, Integer> gpusPerNode = new HashMap<>();
        for (PciDevice gpu : gpus) {
            CpuSet near = nodes.of(gpu);
            gpuNodes = gpuNodes.or(near);
            gpusPerNode.merge(near.first(), 1, Integer::sum);
        }
        if (policy == NumaPolicy.STRICT && gpuNodes.size() > 1) {
            throw new PlacementException("--numa strict keeps CPUs and memory on one NUMA node, but the GPUs are on nodes "
                    + gpuNodes.toList(), "--numa preferred");
        }
        CpuSet local = usable.and(cpusOf(gpuNodes));
        if (count.isEmpty()) {
            if (local.isEmpty()) {
                throw new PlacementException("no usable CPUs on node " + gpuNodes.toList() + ", the GPUs' node");
            }
            return local;
        }
        CpuSet chosen = CpuSet.empty();
        for (NumaNode node : nodes.byDistanceFrom(gpuNodes.first(), gpuNodes)) {
            int share = count.getAsInt() * gpusPerNode.getOrDefault(node.osIndex(), 0) / gpus.size();
            chosen = chosen.or(wholeCoresFirst(usable.and(node.cpus()), share));
        }
        chosen = chosen.or(wholeCoresFirst(local.andNot(chosen), count.getAsInt() - chosen.size()));
        if (chosen.size() < count.getAsInt() && policy == NumaPolicy.STRICT) {
            throw new PlacementException("asked " + count.getAsInt() + " CPUs on one NUMA node; node " + gpuNodes.toList()
                    + ", the GPUs' node, has " + local.size() + " usable", local.isEmpty() ? "--numa preferred" : "--cpus " + local.size());
        }
        return spill(chosen, usable, gpuNodes.first(), count.getAsInt());
    }

    /**
     * CPUs for a run without GPUs: {@code count} of them on the fewest nodes (one node with the most
     * usable CPUs among those that {@code fits}, else nodes largest first), or, when absent, all
     * usable CPUs (STRICT: of the node with the most).
     */
    CpuSet withoutGpus(CpuSet usable, OptionalInt count, NumaPolicy policy, Predicate<NumaNode> fits) throws PlacementException {
        Comparator<NumaNode> roomiest = Comparator.comparingInt((NumaNode n) -> usable.and(n.cpus()).size()).reversed()
                .thenComparingInt(NumaNode::osIndex);
        List<NumaNode> bySize = nodes.cpuNodes().stream().sorted(roomiest).toList();
        if (count.isEmpty()) {
            return policy == NumaPolicy.STRICT ? usable.and(bySize.getFirst().cpus()) : usable;
        }
        int wanted = count.getAsInt();
        List<NumaNode> single = bySize.stream().filter(n -> usable.and(n.cpus()).size() >= wanted).toList();
        if (!single.isEmpty()) {
            NumaNode node = single.stream().filter(fits).findFirst().orElse(single.getFirst());
            return wholeCoresFirst(usable.and(node.cpus()), wanted);
        }
        if (policy == NumaPolicy.STRICT) {
            int most = usable.and(bySize.getFirst().cpus()).size();
            throw new PlacementException("asked " + wanted + " CPUs on one NUMA node; the largest node, " + bySize.getFirst().osIndex()
                    + ", has " + most + " usable", most == 0 ? null : "--cpus " + most);
        }
        CpuSet chosen = CpuSet.empty();
        for (NumaNode node : bySize) {
            chosen = chosen.or(wholeCoresFirst(usable.and(node.cpus()), wanted - chosen.size()));
        }
        return chosen;
    }

    /** Up to {@code count} of {@code available}: the first thread of each core, then the second, …; lower numbers first. */
    CpuSet wholeCoresFirst(CpuSet available, int count) {
        if (count <= 0) {
            return CpuSet.empty();
        }
        return CpuSet.of(available.stream().boxed()
                .sorted(Comparator.comparingInt(this::position).thenComparingInt(Integer::intValue))
                .limit(count)
                .mapToInt(Integer::intValue));
    }

    /** The CPUs of {@code cpus} that are not the first thread of their core: hyperthread siblings. */
    CpuSet siblingsIn(CpuSet cpus) {
        return CpuSet.of(cpus.stream().filter(c -> position(c) > 0));
    }

    /** The CPUs of the nodes numbered in {@code nodeNumbers}. */
    CpuSet cpusOf(CpuSet nodeNumbers) {
        CpuSet cpus = CpuSet.empty();
        for (NumaNode node : nodes.cpuNodes()) {
            if (nodeNumbers.contains(node.osIndex())) {
                cpus = cpus.or(node.cpus());
            }
        }
        return cpus;
    }

    /** The numbers of the nodes that hold any of {@code cpus}. */
    CpuSet nodesOf(CpuSet cpus) {
        return CpuSet.of(nodes.cpuNodes().stream().filter(n -> n.cpus().intersects(cpus)).mapToInt(NumaNode::osIndex));
    }

    private CpuSet spill(CpuSet chosen, CpuSet usable, int from, int count) {
        CpuSet all = chosen;
        List<NumaNode> others = new ArrayList<>(nodes.byDistanceFrom(from, nodes.allCpuNodes()));
        for (NumaNode node : others) {
            all = all.or(wholeCoresFirst(usable.and(node.cpus()).andNot(all), count - all.size()));
        }
        return all;
    }

    private int position(int cpu) {
        return threadPosition.getOrDefault(cpu, 0);
    }
}
