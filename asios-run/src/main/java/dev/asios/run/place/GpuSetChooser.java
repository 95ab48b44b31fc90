package dev.asios.run.place;

import dev.asios.host.numa.NumaNode;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciDevice;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the best set of GPUs of a given size by branch and bound over all subsets, in index
 * order. A set is ranked by its worst pairwise link ({@link LinkClassifier#rank}), then by the sum
 * of its pairwise links, then by NUMA locality: fewer nodes, then more usable CPUs on them; the
 * lowest indexes win a full tie. A branch is cut only when it cannot beat the best set on the
 * worst link, or on the sum given the best possible remaining pairs, so the result is the same as
 * scoring every subset. Not thread-safe; one per placement.
 */
final class GpuSetChooser {

    private final LinkClassifier links;
    private final DeviceNodes deviceNodes;
    private final CpuSet usableCpus;

    GpuSetChooser(LinkClassifier links, DeviceNodes deviceNodes, CpuSet usableCpus) {
        this.links = links;
        this.deviceNodes = deviceNodes;
        this.usableCpus = usableCpus;
    }

    /**
     * The best {@code count} of {@code candidates} (in index order), or empty when there are too
     * few, or, with {@code oneNode}, when no {@code count} of them share a NUMA node.
     */
    Optional<List<PciDevice>> best(List<PciDevice> candidates, int count, boolean oneNode) {
        if (count <= 0 || count > candidates.size()) {
            return Optional.empty();
        }
        Search search = new Search(candidates, count, oneNode);
        search.descend(0, 0, Integer.MAX_VALUE, 0, CpuSet.empty(), deviceNodes.allCpuNodes());
        return search.bestSet == null ? Optional.empty()
                : Optional.of(Arrays.stream(search.bestSet).mapToObj(candidates::get).toList());
    }

    /** The most of {@code candidates} that share one NUMA node. */
    int mostOnOneNode(List<PciDevice> candidates) {
        int most = 0;
        for (NumaNode node : deviceNodes.cpuNodes()) {
            most = Math.max(most, (int) candidates.stream().filter(g -> deviceNodes.of(g).contains(node.osIndex())).count());
        }
        return most;
    }

    private final class Search {
        private final int count;
        private final boolean oneNode;
        private final int[][] rank;
        private final CpuSet[] nodes;
        private final int maxRank;
        private final int[] chosen;
        private int[] bestSet;
        private long[] bestKey;

        Search(List<PciDevice> candidates, int count, boolean oneNode) {
            int n = candidates.size();
            this.count = count;
            this.oneNode = oneNode;
            this.rank = new int[n][n];
            this.nodes = new CpuSet[n];
            this.chosen = new int[count];
            int max = 0;
            for (int i = 0; i < n; i++) {
                nodes[i] = deviceNodes.of(candidates.get(i));
                for (int j = i + 1; j < n; j++) {
                    rank[i][j] = links.rank(candidates.get(i), candidates.get(j));
                    rank[j][i] = rank[i][j];
                    max = Math.max(max, rank[i][j]);
                }
            }
            this.maxRank = max;
        }

        void descend(int start, int depth, int worst, long sum, CpuSet union, CpuSet common) {
            if (oneNode && common.isEmpty() || cannotWin(depth, worst, sum)) {
                return;
            }
            if (depth == count) {
                consider(worst, sum, union);
                return;
            }
            for (int i = start; i <= rank.length - (count - depth); i++) {
                int newWorst = worst;
                long newSum = sum;
                for (int k = 0; k < depth; k++) {
                    newWorst = Math.min(newWorst, rank[chosen[k]][i]);
                    newSum += rank[chosen[k]][i];
                }
                chosen[depth] = i;
                descend(i + 1, depth + 1, newWorst, newSum, union.or(nodes[i]), common.and(nodes[i]));
            }
        }

        private boolean cannotWin(int depth, int worst, long sum) {
            if (bestKey == null) {
                return false;
            }
            long remainingPairs = (long) count * (count - 1) / 2 - (long) depth * (depth - 1) / 2;
            return worst < bestKey[0] || worst == bestKey[0] && sum + remainingPairs * maxRank < bestKey[1];
        }

        private void consider(int worst, long sum, CpuSet union) {
            long usable = deviceNodes.cpuNodes().stream().filter(n -> union.contains(n.osIndex()))
                    .mapToLong(n -> n.cpus().and(usableCpus).size()).sum();
            long[] key = {worst, sum, -union.size(), usable};
            if (bestKey == null || Arrays.compare(key, bestKey) > 0) {
                bestKey = key;
                bestSet = chosen.clone();
            }
        }
    }
}
