package dev.asios.run.place;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciDevice;
import java.util.List;
import java.util.Optional;

/**
 * Writes the reasons and computes the score of a placement (see {@link Placement#score()}).
 * Thread-safe.
 */
final class Explainer {

    private final GpuCatalog catalog;
    private final LinkClassifier links;
    private final CpuChooser cpus;
    private final DeviceNodes deviceNodes;

    Explainer(GpuCatalog catalog, LinkClassifier links, CpuChooser cpus, DeviceNodes deviceNodes) {
        this.catalog = catalog;
        this.links = links;
        this.cpus = cpus;
        this.deviceNodes = deviceNodes;
    }

    /** "GPUs 0,1: NVLink x12 between them", or the worst and best link of a larger mixed set. */
    String gpuLine(List<PciDevice> gpus) {
        if (gpus.size() == 1) {
            PciDevice gpu = gpus.getFirst();
            CpuSet nodes = deviceNodes.of(gpu);
            return "GPU " + catalog.label(gpu) + ": " + gpu.className() + (nodes.size() == 1 ? " on node " : " near nodes ") + nodes.toList();
        }
        PciDevice[] worst = null;
        PciDevice[] best = null;
        for (int i = 0; i < gpus.size(); i++) {
            for (int j = i + 1; j < gpus.size(); j++) {
                PciDevice[] pair = {gpus.get(i), gpus.get(j)};
                worst = worst == null || links.rank(pair[0], pair[1]) < links.rank(worst[0], worst[1]) ? pair : worst;
                best = best == null || links.rank(pair[0], pair[1]) > links.rank(best[0], best[1]) ? pair : best;
            }
        }
        String head = "GPUs " + catalog.indexes(gpus) + ": ";
        if (links.rank(worst[0], worst[1]) == links.rank(best[0], best[1])) {
            return head + link(worst) + " between them";
        }
        return head + "worst link " + link(worst) + ", best " + link(best);
    }

    /** "CPUs 0-7: 8 whole cores on node 0, the GPUs' node". */
    String cpuLine(CpuSet chosen, List<PciDevice> gpus, boolean isolated) {
        int siblings = cpus.siblingsIn(chosen).size();
        CpuSet nodes = cpus.nodesOf(chosen);
        String where = (nodes.size() == 1 ? " on node " : " on nodes ") + nodes.toList();
        String why;
        if (gpus.isEmpty()) {
            why = nodes.size() == 1 ? ", one node" : ", the fewest nodes that hold them";
        } else {
            why = nodesOf(gpus).containsAll(nodes) ? ", the GPUs' node" + (nodes.size() == 1 ? "" : "s")
                    : " (the GPUs are on " + nodesOf(gpus).toList() + "; their nodes were short)";
        }
        return "CPUs " + chosen.toList() + ": " + (chosen.size() - siblings) + " whole cores"
                + (siblings > 0 ? " + " + siblings + " hyperthread siblings" : "") + where + why + (isolated ? ", isolated" : "");
    }

    /** "NIC mlx5_0 (ib0, 0000:1a:00.0): PIX to the GPUs (the same PCIe switch ...)". */
    String nicLine(PlacedNic nic, boolean withGpus) {
        return "NIC " + nic.rdmaDevice().orElse(nic.netDevice()) + " (" + nic.netDevice() + ", " + nic.address() + "): "
                + nic.linkToGpus().label() + (withGpus ? " to the GPUs (" : " to the run's memory (") + nic.linkToGpus().description() + ")";
    }

    /** The score, 0 to 1, as {@link Placement#score()} defines it. */
    double score(List<PciDevice> gpus, CpuSet chosen, double memoryShare, Optional<PlacedNic> nic) {
        double linkPart = 1;
        for (int i = 0; i < gpus.size(); i++) {
            for (int j = i + 1; j < gpus.size(); j++) {
                linkPart = Math.min(linkPart, 1 - links.classify(gpus.get(i), gpus.get(j)).ordinal() / (double) LinkClass.SYS.ordinal());
            }
        }
        double local = gpus.isEmpty() ? largestShare(chosen) : (double) chosen.and(cpus.cpusOf(nodesOf(gpus))).size() / chosen.size();
        double whole = 1 - (double) cpus.siblingsIn(chosen).size() / chosen.size();
        double nicPart = nic.map(n -> (LinkClass.SYS.ordinal() - n.linkToGpus().ordinal()) / (double) (LinkClass.SYS.ordinal() - LinkClass.PIX.ordinal()))
                .orElse(1.0);
        return (4 * linkPart + 3 * local + whole + memoryShare + Math.min(1, nicPart)) / 10;
    }

    private double largestShare(CpuSet chosen) {
        int most = cpus.nodesOf(chosen).stream().map(node -> chosen.and(cpus.cpusOf(CpuSet.of(node))).size()).max().orElse(chosen.size());
        return (double) most / chosen.size();
    }

    private CpuSet nodesOf(List<PciDevice> gpus) {
        CpuSet nodes = CpuSet.empty();
        for (PciDevice gpu : gpus) {
            nodes = nodes.or(deviceNodes.of(gpu));
        }
        return nodes;
    }

    private String link(PciDevice[] pair) {
        LinkClass link = links.classify(pair[0], pair[1]);
        return link == LinkClass.NVLINK ? "NVLink x" + links.nvlinks(pair[0], pair[1]) : link.label() + " (" + link.description() + ")";
    }
}
