package dev.asios.run.place;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Places a run: a pure function from the host's topology, the NVLinks between its GPUs, the free
 * resources and a request to the GPUs, CPUs, memory nodes and NIC the run gets, with a score and
 * the reasons. It reads nothing and changes nothing.
 *
 * <p>GPUs: the named ones, or the best set of the free ones by link distance (see
 * {@link GpuSetChooser}). CPUs: on the GPUs' NUMA nodes (for a CPU-only run, the fewest nodes that
 * hold them), whole cores before hyperthread siblings; only isolated CPUs for an isolated run,
 * none of them otherwise. Memory: on the nodes of the CPUs, never a CPU-less node. NIC: the RDMA
 * NIC nearest the GPUs, when asked.
 *
 * <p>Every request that cannot be met, or is malformed, is refused with a
 * {@link PlacementException} that says why and, where there is one, the nearest request that fits.
 * Thread-safe (holds no state).
 */
public final class Placer {

    /** The message for an isolated run on a host without isolated CPUs. */
    static final String NO_ISOLATED_CPUS =
            "no isolated CPUs: apply a tuning profile that isolates CPUs, e.g. asios tune apply --profile inference";

    /**
     * Places {@code request} on {@code host}.
     *
     * @param host the host's topology
     * @param links the NVLinks between its GPUs; {@link GpuLinks#NONE} when unknown
     * @param free what other runs leave free
     * @param request what the run asks
     * @throws PlacementException if the request is malformed or cannot be met
     */
    public Placement place(HostSnapshot host, GpuLinks links, FreeResources free, PlacementRequest request) throws PlacementException {
        RequestCheck.check(request);
        CpuSet usable = usableCpus(free, request);
        DeviceNodes nodes = new DeviceNodes(host.numa());
        LinkClassifier classifier = new LinkClassifier(host, links);
        GpuCatalog catalog = new GpuCatalog(host);
        List<PciDevice> gpus = chooseGpus(catalog, new GpuSetChooser(classifier, nodes, usable), free, request);
        OptionalInt cpuCount = cpuCount(request, usable);
        CpuChooser cpuChooser = new CpuChooser(host.cpu(), nodes);
        MemoryBinder memory = new MemoryBinder(nodes);
        CpuSet cpus = gpus.isEmpty()
                ? cpuChooser.withoutGpus(usable, cpuCount, request.numaPolicy(), node -> memory.fits(node, request))
                : cpuChooser.forGpus(gpus, usable, cpuCount, request.numaPolicy());
        CpuSet memoryNodes = cpuChooser.nodesOf(cpus);
        MemoryBinder.Fit fit = memory.check(memoryNodes, request);
        Optional<PlacedNic> nic = request.rdmaNic()
                ? Optional.of(new NicChooser(host, classifier, nodes).choose(gpus, memoryNodes))
                : Optional.empty();

        Explainer explainer = new Explainer(catalog, classifier, cpuChooser, nodes);
        List<String> reasons = new ArrayList<>();
        if (!gpus.isEmpty()) {
            reasons.add(explainer.gpuLine(gpus));
            if (gpus.size() > 1) {
                links.unknownReason().ifPresent(why -> reasons.add("NVLink unknown (" + why + "): GPUs compared by their PCIe paths"));
            }
        }
        reasons.add(explainer.cpuLine(cpus, gpus, request.isolated()));
        reasons.addAll(fit.reasons());
        nic.ifPresent(n -> reasons.add(explainer.nicLine(n, !gpus.isEmpty())));
        List<PlacedGpu> placed = gpus.stream()
                .map(g -> new PlacedGpu(catalog.indexOf(g), g.address(), g.className(), OptionalInt.of(nodes.of(g).first())))
                .toList();
        return new Placement(placed, cpus, memoryNodes, request.numaPolicy(), nic,
                explainer.score(gpus, cpus, fit.localShare(), nic), reasons);
    }

    private static CpuSet usableCpus(FreeResources free, PlacementRequest request) throws PlacementException {
        if (!request.isolated()) {
            CpuSet housekeeping = free.cpus().andNot(free.isolated());
            if (housekeeping.isEmpty()) {
                throw new PlacementException("no free CPUs outside the isolated ones (" + free.isolated().toList() + ")", "--isolate");
            }
            return housekeeping;
        }
        if (free.isolated().isEmpty()) {
            throw new PlacementException(NO_ISOLATED_CPUS);
        }
        CpuSet isolated = free.isolated().and(free.cpus());
        if (isolated.isEmpty()) {
            throw new PlacementException("no free isolated CPUs: other runs hold all of " + free.isolated().toList());
        }
        return isolated;
    }

    private static List<PciDevice> chooseGpus(GpuCatalog catalog, GpuSetChooser chooser, FreeResources free, PlacementRequest request)
            throws PlacementException {
        if (!request.gpus().isEmpty()) {
            return catalog.resolve(request.gpus(), free.busyGpus(), free.unhealthyGpus());
        }
        int asked = request.gpuCount();
        if (asked == 0) {
            return List.of();
        }
        int total = catalog.all().size();
        if (asked > total) {
            throw new PlacementException("asked " + asked + " GPUs; this host has " + catalog.describeAll(),
                    total == 0 ? "without --gpus" : "--gpus " + total);
        }
        List<PciDevice> candidates = catalog.free(free.busyGpus(), free.unhealthyGpus().keySet());
        if (asked > candidates.size()) {
            throw new PlacementException("asked " + asked + " GPUs; " + candidates.size() + " of the host's " + total + " are free ("
                    + catalog.whyTaken(free.busyGpus(), free.unhealthyGpus()) + ")", candidates.isEmpty() ? null : "--gpus " + candidates.size());
        }
        boolean oneNode = request.numaPolicy() == NumaPolicy.STRICT;
        Optional<List<PciDevice>> best = chooser.best(candidates, asked, oneNode);
        if (best.isEmpty()) {
            int most = chooser.mostOnOneNode(candidates);
            throw new PlacementException("asked " + asked + " GPUs on one NUMA node (--numa strict); the best node has " + most
                    + " free; --numa preferred lets them span nodes", most == 0 ? "--numa preferred" : "--gpus " + most);
        }
        return best.get();
    }

    private static OptionalInt cpuCount(PlacementRequest request, CpuSet usable) throws PlacementException {
        OptionalInt count = request.cpusPerGpu().isPresent()
                ? OptionalInt.of(request.cpusPerGpu().getAsInt() * request.gpuCount())
                : request.cpus();
        if (count.isPresent() && count.getAsInt() > usable.size()) {
            throw new PlacementException("asked " + count.getAsInt() + " CPUs; " + usable.size() + (request.isolated() ? " isolated" : "")
                    + " CPUs are free (" + usable.toList() + ")", "--cpus " + usable.size());
        }
        return count;
    }
}
