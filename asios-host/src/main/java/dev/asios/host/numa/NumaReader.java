package dev.asios.host.numa;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Diagnostics;
import dev.asios.host.sysroot.SysrootValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads NUMA nodes from {@code /sys/devices/system/node}: CPUs, memory, hugepages per size,
 * distances, memory tiers, and which nodes are GPU memory ({@code /proc/driver/nvidia/gpus/
 * BUS/numa_status}). Without that folder (a kernel built without NUMA) the machine is one node 0
 * with the memory of {@code /proc/meminfo}.
 *
 * <p>A node whose CPUs overlap those of an earlier node is inconsistent (real kernels never show
 * it); it is left out with a warning, as hwloc does. Not thread-safe; make one per read.
 */
public final class NumaReader {

    private static final String NODE_DIR = "/sys/devices/system/node";

    private final SysrootValues values;
    private final Diagnostics diagnostics;

    /** Reads through {@code values}. */
    public NumaReader(SysrootValues values) {
        this.values = values;
        this.diagnostics = values.sysroot().diagnostics();
    }

    /**
     * Reads all nodes.
     *
     * @param onlineCpus the online CPUs, the CPUs of the single node of a non-NUMA kernel
     */
    public NumaTopology read(CpuSet onlineCpus) {
        List<HugepagePool> machinePools = new HugepageReader(values).read("/sys/kernel/mm/hugepages");
        List<Integer> indexes = nodeIndexes();
        if (indexes.isEmpty()) {
            return new NumaTopology(List.of(machineNode(onlineCpus, machinePools)), List.of(), machinePools);
        }
        Map<Integer, String> gpuMemory = gpuMemoryNodes();
        Map<Integer, Integer> tiers = memoryTiers();
        List<NumaNode> nodes = new ArrayList<>();
        CpuSet taken = CpuSet.empty();
        for (int index : indexes) {
            String dir = NODE_DIR + "/node" + index;
            Optional<CpuSet> cpus = values.cpuMask(dir + "/cpumap").or(() -> values.cpuList(dir + "/cpulist"));
            if (cpus.isEmpty()) {
                diagnostics.warn(dir + "/cpumap", "missing or unreadable; node " + index + " left out");
                continue;
            }
            if (cpus.get().intersects(taken)) {
                diagnostics.warn(dir + "/cpumap", "CPUs " + cpus.get().and(taken) + " also belong to an earlier node; node " + index + " left out");
                continue;
            }
            taken = taken.or(cpus.get());
            nodes.add(node(index, cpus.get(), onlineCpus, gpuMemory.get(index), tiers.get(index)));
        }
        return new NumaTopology(nodes, distances(nodes), machinePools);
    }

    private List<Integer> nodeIndexes() {
        Optional<CpuSet> online = values.cpuList(NODE_DIR + "/online");
        if (online.isPresent() && !online.get().isEmpty()) {
            return online.get().stream().boxed().toList();
        }
        List<Integer> indexes = new ArrayList<>();
        for (String name : values.sysroot().list(NODE_DIR)) {
            if (name.length() > 4 && name.startsWith("node") && name.substring(4).chars().allMatch(Character::isDigit)) {
                indexes.add(Integer.parseInt(name.substring(4)));
            }
        }
        indexes.sort(Integer::compare);
        return indexes;
    }

    private NumaNode node(int index, CpuSet cpus, CpuSet onlineCpus, String gpu, Integer tier) {
        String dir = NODE_DIR + "/node" + index;
        Map<String, Long> meminfo = values.parsed(dir + "/meminfo", MeminfoParser::parse).orElse(Map.of());
        long total = meminfo.getOrDefault("MemTotal", 0L);
        if (!meminfo.containsKey("MemTotal")) {
            diagnostics.warn(dir + "/meminfo", "no MemTotal; node " + index + " memory reported as 0");
        }
        Long free = meminfo.get("MemFree");
        NodeKind kind = gpu != null ? NodeKind.GPU_MEMORY : cpus.isEmpty() ? NodeKind.MEMORY_ONLY : NodeKind.CPU;
        return new NumaNode(
                index,
                kind,
                cpus.and(onlineCpus),
                total,
                free == null ? OptionalLong.empty() : OptionalLong.of(free),
                new HugepageReader(values).read(dir + "/hugepages"),
                Optional.ofNullable(gpu),
                tier == null ? OptionalInt.empty() : OptionalInt.of(tier));
    }

    private NumaNode machineNode(CpuSet onlineCpus, List<HugepagePool> machinePools) {
        Map<String, Long> meminfo = values.parsed("/proc/meminfo", MeminfoParser::parse).orElse(Map.of());
        if (!meminfo.containsKey("MemTotal")) {
            diagnostics.warn("/proc/meminfo", "no MemTotal; memory reported as 0");
        }
        Long free = meminfo.get("MemFree");
        return new NumaNode(0, NodeKind.CPU, onlineCpus, meminfo.getOrDefault("MemTotal", 0L),
                free == null ? OptionalLong.empty() : OptionalLong.of(free), machinePools, Optional.empty(), OptionalInt.empty());
    }

    // Format of numa_status: "Node: 255\nStatus: online\n..."
    private Map<Integer, String> gpuMemoryNodes() {
        Map<Integer, String> byNode = new HashMap<>();
        String gpus = "/proc/driver/nvidia/gpus";
        for (String bus : values.sysroot().list(gpus)) {
            values.parsed(gpus + "/" + bus + "/numa_status", NumaReader::parseNumaStatusNode)
                    .ifPresent(node -> node.ifPresent(n -> byNode.put(n, bus)));
        }
        return byNode;
    }

    static OptionalInt parseNumaStatusNode(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("Node:")) {
                String value = line.substring(5).strip();
                try {
                    int node = Integer.parseInt(value);
                    return node < 0 ? OptionalInt.empty() : OptionalInt.of(node);
                } catch (NumberFormatException e) {
                    throw new ParseException("Node: '" + value + "' is not a node number");
                }
            }
        }
        return OptionalInt.empty();
    }

    private Map<Integer, Integer> memoryTiers() {
        Map<Integer, Integer> tiers = new HashMap<>();
        String base = "/sys/devices/virtual/memory_tiering";
        for (String name : values.sysroot().list(base)) {
            if (name.startsWith("memory_tier") && name.substring(11).chars().allMatch(Character::isDigit) && name.length() > 11) {
                int tier = Integer.parseInt(name.substring(11));
                values.cpuList(base + "/" + name + "/nodelist").ifPresent(nodes -> nodes.stream().forEach(n -> tiers.put(n, tier)));
            }
        }
        return tiers;
    }

    private List<List<Integer>> distances(List<NumaNode> nodes) {
        List<Integer> all = nodeIndexes();
        List<List<Integer>> rows = new ArrayList<>();
        for (NumaNode node : nodes) {
            String path = NODE_DIR + "/node" + node.osIndex() + "/distance";
            Optional<List<Integer>> row = values.parsed(path, NumaReader::parseDistanceRow);
            if (row.isEmpty()) {
                return List.of();
            }
            if (row.get().size() != all.size()) {
                diagnostics.warn(path, "has " + row.get().size() + " distances for " + all.size() + " nodes; distances left out");
                return List.of();
            }
            List<Integer> kept = new ArrayList<>();
            for (NumaNode other : nodes) {
                kept.add(row.get().get(all.indexOf(other.osIndex())));
            }
            rows.add(kept);
        }
        return rows;
    }

    // Format: "10 21 21 21" : one distance per online node, in node order
    static List<Integer> parseDistanceRow(String text) {
        List<Integer> row = new ArrayList<>();
        for (String item : text.strip().split("\\s+")) {
            if (item.isEmpty() || item.length() > 6 || !item.chars().allMatch(Character::isDigit)) {
                throw new ParseException("distance '" + item + "' is not a non-negative number");
            }
            row.add(Integer.parseInt(item));
        }
        return row;
    }
}
