package dev.asios.run.place;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a new run may take on a host. Immutable.
 *
 * @param cpus the CPUs a run may use: the online CPUs, less those other runs hold exclusively
 * @param isolated the isolated CPUs of the active tuning profile; empty when none is active. Runs
 *     that ask for isolation get only these; other runs stay off them.
 * @param busyGpus the GPUs other runs hold
 * @param unhealthyGpus the GPUs the agent marked unhealthy, with why; no run is placed on them
 */
public record FreeResources(CpuSet cpus, CpuSet isolated, Set<PciAddress> busyGpus, Map<PciAddress, String> unhealthyGpus) {

    /** Creates an immutable copy. */
    public FreeResources {
        busyGpus = Set.copyOf(busyGpus);
        unhealthyGpus = Map.copyOf(unhealthyGpus);
    }

    /** Everything online on {@code host} is free; {@code isolated} is kept where it is online. */
    public static FreeResources of(HostSnapshot host, CpuSet isolated) {
        CpuSet online = host.cpu().onlineCpus();
        return new FreeResources(online, isolated.and(online), Set.of(), Map.of());
    }

    /** The same resources with {@code gpus} taken by other runs as well. */
    public FreeResources withBusyGpus(Set<PciAddress> gpus) {
        return new FreeResources(cpus, isolated, union(busyGpus, gpus), unhealthyGpus);
    }

    /** The same resources without the GPUs {@code marks} holds unhealthy. */
    public FreeResources withUnhealthyGpus(UnhealthyGpus marks) {
        Map<PciAddress, String> all = new HashMap<>(unhealthyGpus);
        marks.marks().forEach((gpu, mark) -> all.put(gpu, mark.describe()));
        return new FreeResources(cpus, isolated, busyGpus, all);
    }

    private static Set<PciAddress> union(Set<PciAddress> a, Set<PciAddress> b) {
        Set<PciAddress> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
