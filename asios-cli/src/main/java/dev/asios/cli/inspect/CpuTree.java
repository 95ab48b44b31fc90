package dev.asios.cli.inspect;

import dev.asios.host.parse.CpuSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A containment tree of CPU sets, as hwloc draws a machine: each item goes under the smallest item
 * that holds all its CPUs. Items with equal CPU sets nest by rank (a package holds a NUMA node of
 * the same CPUs, which holds an L3 of the same CPUs, …). Not thread-safe.
 */
final class CpuTree {

    /** One item of the tree. */
    static final class Node {
        final int rank;
        final int key;
        final String label;
        final CpuSet cpus;
        final List<Node> children = new ArrayList<>();

        Node(int rank, int key, String label, CpuSet cpus) {
            this.rank = rank;
            this.key = key;
            this.label = label;
            this.cpus = cpus;
        }
    }

    private record Item(int rank, int key, String label, CpuSet cpus) {
    }

    private final List<Item> items = new ArrayList<>();

    /** Adds an item; a lower rank nests above a higher rank when the CPU sets are equal. */
    void add(int rank, String label, CpuSet cpus) {
        add(rank, -1, label, cpus);
    }

    /** Adds an item with a key the renderer can use (for example a NUMA node's number). */
    void add(int rank, int key, String label, CpuSet cpus) {
        if (!cpus.isEmpty()) {
            items.add(new Item(rank, key, label, cpus));
        }
    }

    /** Builds the tree under a root that holds everything. */
    Node build(String rootLabel) {
        Node root = new Node(-1, -1, rootLabel, CpuSet.empty());
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt((Item i) -> -i.cpus().size())
                .thenComparingInt(Item::rank)
                .thenComparingInt(i -> i.cpus().first()));
        for (Item item : sorted) {
            Node parent = deepestHolder(root, item.cpus());
            parent.children.add(new Node(item.rank(), item.key(), item.label(), item.cpus()));
        }
        sortChildren(root);
        return root;
    }

    private static Node deepestHolder(Node node, CpuSet cpus) {
        for (Node child : node.children) {
            if (child.cpus.containsAll(cpus)) {
                return deepestHolder(child, cpus);
            }
        }
        return node;
    }

    private static void sortChildren(Node node) {
        node.children.sort(Comparator.comparingInt((Node n) -> n.cpus.first()).thenComparingInt(n -> n.rank));
        node.children.forEach(CpuTree::sortChildren);
    }
}
