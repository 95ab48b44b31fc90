package dev.asios.cli.inspect;

import dev.asios.cli.Bytes;
import dev.asios.host.cpu.Cache;
import dev.asios.host.cpu.CacheType;
import dev.asios.host.cpu.CpuGroup;
import dev.asios.host.cpu.CpuTopology;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.numa.HugepagePool;
import dev.asios.host.numa.NodeKind;
import dev.asios.host.numa.NumaNode;
import dev.asios.host.parse.CpuSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The human view of a host's CPUs and memory: a compact tree of packages, NUMA nodes, shared
 * caches and cores, then the nodes without CPUs. Per-core caches are summarized once instead of
 * repeated under every core.
 */
final class TopologyTextView {

    private static final int RANK_PACKAGE = 0;
    private static final int RANK_DIE = 1;
    private static final int RANK_NODE = 2;
    private static final int RANK_CLUSTER = 3;
    private static final int RANK_L3 = 4;
    private static final int RANK_SHARED_L2 = 5;
    private static final int RANK_CORE = 6;
    private static final int LINE_WIDTH = 100;

    private TopologyTextView() {
    }

    static void render(HostSnapshot host, StringBuilder out) {
        CpuTopology cpu = host.cpu();
        out.append("Host ").append(cpu.architecture());
        cpu.model().ifPresent(m -> out.append("  ").append(m));
        out.append('\n');
        out.append("  ").append(cpu.packages().size()).append(" packages, ")
                .append(host.numa().nodes().size()).append(" NUMA nodes, ")
                .append(cpu.cores().size()).append(" cores, ")
                .append(cpu.onlineCpus().size()).append(" online CPUs");
        if (!cpu.offlineCpus().isEmpty()) {
            out.append(" (offline: ").append(cpu.offlineCpus()).append(')');
        }
        out.append('\n');
        if (!cpu.aiFeatures().isEmpty()) {
            out.append("  AI instructions: ").append(String.join(" ", cpu.aiFeatures())).append('\n');
        }
        String perCore = perCoreCaches(cpu);
        if (!perCore.isEmpty()) {
            out.append("  per core: ").append(perCore).append('\n');
        }
        Map<Integer, List<String>> devices = DevicesTextView.linesByNode(host);
        CpuTree.Node root = tree(host).build("machine");
        for (CpuTree.Node child : root.children) {
            renderNode(child, "  ", devices, out);
        }
        for (NumaNode node : host.numa().nodes()) {
            if (node.kind() != NodeKind.CPU) {
                out.append("  ").append(nodeLabel(node)).append('\n');
                renderDevices(devices.get(node.osIndex()), "    ", out);
            }
        }
        DevicesTextView.renderUnattachedAndCounts(host, devices, out);
        DevicesTextView.renderBlockDevices(host.blockDevices(), out);
    }

    private static CpuTree tree(HostSnapshot host) {
        CpuTree tree = new CpuTree();
        CpuTopology cpu = host.cpu();
        cpu.packages().forEach(p -> tree.add(RANK_PACKAGE, "Package " + id(p, cpu.packages()), p.cpus()));
        cpu.dies().forEach(d -> tree.add(RANK_DIE, "Die " + id(d, cpu.dies()), d.cpus()));
        host.numa().nodes().stream().filter(n -> n.kind() == NodeKind.CPU).forEach(n -> tree.add(RANK_NODE, n.osIndex(), nodeLabel(n), n.cpus()));
        cpu.clusters().forEach(c -> tree.add(RANK_CLUSTER, "Cluster " + id(c, cpu.clusters()), c.cpus()));
        for (Cache cache : cpu.caches()) {
            if (cache.level() == 3 && cache.type() != CacheType.INSTRUCTION) {
                tree.add(RANK_L3, "L3 " + Bytes.human(cache.sizeBytes()), cache.cpus());
            } else if (cache.level() == 2 && cache.type() != CacheType.INSTRUCTION && sharedByCores(cache, cpu)) {
                tree.add(RANK_SHARED_L2, "L2 " + Bytes.human(cache.sizeBytes()), cache.cpus());
            }
        }
        cpu.cores().forEach(c -> tree.add(RANK_CORE, c.cpus().toList(), c.cpus()));
        if (cpu.cores().isEmpty()) {
            cpu.onlineCpus().stream().forEach(pu -> tree.add(RANK_CORE, "PU " + pu, CpuSet.of(pu)));
        }
        return tree;
    }

    private static void renderNode(CpuTree.Node node, String indent, Map<Integer, List<String>> devices, StringBuilder out) {
        out.append(indent).append(node.label).append("  cpus ").append(node.cpus).append('\n');
        List<CpuTree.Node> cores = node.children.stream().filter(c -> c.rank == RANK_CORE).toList();
        if (!cores.isEmpty()) {
            renderCores(cores, indent + "  ", out);
        }
        node.children.stream().filter(c -> c.rank != RANK_CORE).forEach(c -> renderNode(c, indent + "  ", devices, out));
        if (node.rank == RANK_NODE) {
            renderDevices(devices.get(node.key), indent + "  ", out);
        }
    }

    private static void renderDevices(List<String> lines, String indent, StringBuilder out) {
        if (lines != null) {
            lines.forEach(line -> out.append(indent).append("device ").append(line).append('\n'));
        }
    }

    private static void renderCores(List<CpuTree.Node> cores, String indent, StringBuilder out) {
        StringBuilder line = new StringBuilder(indent).append(cores.size() == 1 ? "core" : "cores").append(':');
        for (CpuTree.Node core : cores) {
            String item = " [" + core.label + "]";
            if (line.length() + item.length() > LINE_WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(indent).append("      ");
            }
            line.append(item);
        }
        out.append(line).append('\n');
    }

    static String nodeLabel(NumaNode node) {
        StringBuilder label = new StringBuilder("NUMA node ").append(node.osIndex());
        switch (node.kind()) {
            case GPU_MEMORY -> label.append(" (GPU memory").append(node.gpuPciAddress().map(a -> " of " + a).orElse("")).append(')');
            case MEMORY_ONLY -> label.append(" (memory only)");
            case CPU -> { }
        }
        label.append("  ").append(Bytes.human(node.localMemoryBytes()));
        node.freeMemoryBytes().ifPresent(free -> label.append(" (").append(Bytes.human(free)).append(" free)"));
        node.memoryTier().ifPresent(t -> label.append("  tier ").append(t));
        String pools = node.hugepages().stream().filter(p -> p.total() > 0).map(TopologyTextView::pool).collect(Collectors.joining(", "));
        if (!pools.isEmpty()) {
            label.append("  hugepages ").append(pools);
        }
        return label.toString();
    }

    private static String pool(HugepagePool pool) {
        return Bytes.human(pool.pageSizeBytes()) + ": " + pool.free() + "/" + pool.total() + " free";
    }

    private static String perCoreCaches(CpuTopology cpu) {
        Set<String> parts = new LinkedHashSet<>();
        for (Cache cache : cpu.caches()) {
            boolean shared = cache.level() >= 3 || (cache.level() == 2 && sharedByCores(cache, cpu));
            if (!shared) {
                String name = "L" + cache.level() + switch (cache.type()) {
                    case DATA -> "d";
                    case INSTRUCTION -> "i";
                    case UNIFIED -> "";
                };
                parts.add(name + " " + Bytes.human(cache.sizeBytes()));
            }
        }
        return String.join(", ", parts);
    }

    private static boolean sharedByCores(Cache cache, CpuTopology cpu) {
        return cpu.cores().stream().filter(c -> c.cpus().intersects(cache.cpus())).count() > 1;
    }

    private static String id(CpuGroup group, List<CpuGroup> all) {
        return group.id().isPresent() ? "P#" + group.id().getAsInt() : "#" + all.indexOf(group);
    }
}
