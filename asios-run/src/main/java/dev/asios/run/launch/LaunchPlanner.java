package dev.asios.run.launch;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.numa.NodeKind;
import dev.asios.host.numa.NumaNode;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.place.FreeResources;
import dev.asios.run.place.GpuLinks;
import dev.asios.run.place.NumaPolicy;
import dev.asios.run.place.NvidiaSmiLinkReader;
import dev.asios.run.place.Placement;
import dev.asios.run.place.PlacementException;
import dev.asios.run.place.Placer;
import dev.asios.run.place.UnhealthyGpus;
import dev.asios.run.store.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link RunRequest} into the {@link LaunchSpec} of one run on a host as it is now: places
 * it on the free resources, adds the placement's environment variables to the caller's, and sets
 * the cgroup's limits. {@code asios run} and the agent's restart of a crashed run both launch
 * through it, so a restart is placed and limited as the first launch was. Immutable; thread-safe.
 *
 * @param host the host
 * @param links the NVLinks between its GPUs
 * @param isolatedCpus the isolated CPUs of the active tuning profile
 * @param running the runs recorded as running (their GPUs are busy)
 * @param unhealthy the GPUs the agent marked unhealthy
 */
public record LaunchPlanner(HostSnapshot host, GpuLinks links, CpuSet isolatedCpus, List<RunRecord> running, UnhealthyGpus unhealthy) {

    /**
     * The launch and what it adds to the caller's environment.
     *
     * @param spec the launch
     * @param added the variables added to (or replaced in) the request's environment
     */
    public record Plan(LaunchSpec spec, Map<String, String> added) {

        /** Copies the map. */
        public Plan {
            added = Map.copyOf(added);
        }
    }

    /** Copies the list. */
    public LaunchPlanner {
        running = List.copyOf(running);
    }

    /**
     * A planner for {@code host}, read through {@code sysroot}: its isolated CPUs, the GPUs marked
     * unhealthy in {@code stateDir}, and, on a live host with NVIDIA GPUs, their NVLinks from
     * {@code nvidia-smi} ({@code recordedTree}: unknown).
     *
     * @throws IOException if the unhealthy-GPU marks exist but cannot be read
     * @throws dev.asios.host.parse.ParseException if they are damaged (the message names the file)
     */
    public static LaunchPlanner of(Sysroot sysroot, HostSnapshot host, CgroupLayout layout, List<RunRecord> running, Path stateDir, boolean recordedTree)
            throws IOException {
        boolean nvidia = host.pci().gpus().stream().anyMatch(g -> g.ids().vendorId().orElse(-1) == 0x10de);
        GpuLinks links = recordedTree ? GpuLinks.unknown("a recorded tree: nvidia-smi is not asked")
                : nvidia ? new NvidiaSmiLinkReader().read() : GpuLinks.unknown("no NVIDIA GPU");
        return new LaunchPlanner(host, links, HostResources.isolatedCpus(sysroot, layout), running, HostResources.unhealthyGpus(stateDir));
    }

    /**
     * Plans run {@code id} of {@code request}.
     *
     * @throws PlacementException if the host cannot meet the request (the message names what is missing)
     */
    public Plan plan(String id, RunRequest request) throws PlacementException {
        FreeResources free = HostResources.free(host, isolatedCpus, request.placement().isolated(), running).withUnhealthyGpus(unhealthy);
        Placement placement = new Placer().place(host, links, free, request.placement());
        Map<String, String> added = RunEnvironment.of(host, placement, request.hugepages(), request.environment());
        // A preferred policy may spill to any node, so the cpuset allows every node with memory (GPU memory nodes left out).
        CpuSet mems = placement.policy() == NumaPolicy.PREFERRED
                ? CpuSet.of(host.numa().nodes().stream().filter(n -> n.kind() != NodeKind.GPU_MEMORY && n.localMemoryBytes() > 0).mapToInt(NumaNode::osIndex))
                : placement.memoryNodes();
        if (mems.isEmpty()) {
            mems = placement.memoryNodes();
        }
        CgroupLimits limits = new CgroupLimits(placement.cpus(), mems, request.placement().memoryBytes(), request.cpuWeight(), request.ioWeight(),
                request.pidsMax());
        Map<String, String> env = new HashMap<>(request.environment());
        env.putAll(added);
        return new Plan(new LaunchSpec(id, request.command(), placement, limits, request.placement().isolated(), request.realtimePriority(),
                request.mlock(), env), added);
    }
}
