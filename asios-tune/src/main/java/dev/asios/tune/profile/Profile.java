package dev.asios.tune.profile;

import dev.asios.host.cpu.CpuTopology;
import dev.asios.host.numa.NumaTopology;
import dev.asios.host.parse.CpuSet;
import java.util.List;
import java.util.Optional;

/**
 * A validated tuning profile with its includes merged in: what {@code asios tune} should make
 * of the host. Every setting is optional; an absent one means leave the host as it is. Built by
 * {@link ProfileLoader}; immutable and thread-safe.
 *
 * @param name the profile's name, equal to its file name without {@code .yaml}
 * @param description its one-line purpose
 * @param source built in, the user's, or the user's in place of a built-in one
 * @param file the file it was read from ({@code builtin:/dev/asios/tune/profiles/NAME.yaml} or
 *     a path)
 * @param include the profiles it includes, as written; their settings are already merged in
 * @param cpu CPU isolation, frequency and idle states
 * @param memory hugepages, NUMA balancing, reclaim and writeback
 * @param irq interrupt placement
 * @param noise kernel activity on the isolated CPUs
 * @param io block queue settings
 * @param network busy polling and socket buffers
 * @param boot kernel command-line parameters
 */
public record Profile(
        String name,
        String description,
        ProfileSource source,
        String file,
        List<String> include,
        CpuSettings cpu,
        MemorySettings memory,
        IrqSettings irq,
        NoiseSettings noise,
        IoSettings io,
        NetworkSettings network,
        BootSettings boot) {

    /** The number of whole cores per node kept for the kernel when {@code cpu.housekeepingPerNode} is absent. */
    public static final int DEFAULT_HOUSEKEEPING_PER_NODE = 1;

    /** Creates the profile with an immutable copy of the include list. */
    public Profile {
        include = List.copyOf(include);
    }

    /**
     * These settings with the gaps filled from {@code base}, section by section and key by key;
     * name, description, source, file and include stay this profile's.
     */
    public Profile over(Profile base) {
        return new Profile(name, description, source, file, include,
                cpu.over(base.cpu), memory.over(base.memory), irq.over(base.irq), noise.over(base.noise),
                io.over(base.io), network.over(base.network), boot.over(base.boot));
    }

    /**
     * The CPUs this profile isolates on a host, when it sets {@code cpu.isolate}.
     *
     * @throws ProfileException when the CPUs do not fit the host; see {@link IsolationResolver}
     */
    public Optional<CpuSet> isolatedCpus(CpuTopology cpuTopology, NumaTopology numaTopology) {
        int housekeeping = cpu.housekeepingPerNode().orElse(DEFAULT_HOUSEKEEPING_PER_NODE);
        return cpu.isolate().map(spec -> IsolationResolver.resolve(spec, housekeeping, cpuTopology, numaTopology));
    }
}
