package dev.asios.run.place;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a run asks for. Immutable. The constructor only copies; whether the numbers make sense
 * (positive counts, not both {@code cpus} and {@code cpusPerGpu}, a hugepage size with hugepages)
 * is checked by {@link Placer#place}, which refuses a bad request with a {@link PlacementException}
 * that names the option.
 *
 * @param gpuCount how many GPUs, chosen by the placer; when {@code gpus} is not empty it is
 *     {@code gpus.size()} (a 0 here is taken as that)
 * @param gpus specific GPUs, by index ({@code 0}.. in PCI bus order) or by PCI address
 *     ({@code 0000:3b:00.0} or {@code 3b:00.0}); empty to let the placer choose
 * @param cpusPerGpu CPUs for each GPU
 * @param cpus CPUs in all; with neither this nor {@code cpusPerGpu}, all free CPUs of the chosen
 *     nodes
 * @param memoryBytes the memory the run needs, in bytes, checked against the chosen nodes
 * @param isolated true to run only on the isolated CPUs of the active tuning profile
 * @param hugepages hugepages the run needs, of {@code hugepageSizeKib}; 0 for none
 * @param hugepageSizeKib the hugepage size in KiB (2048, 1048576); ignored without hugepages
 * @param rdmaNic true to get the RDMA NIC nearest the GPUs
 * @param numaPolicy how memory is bound to the nodes of the CPUs
 */
public record PlacementRequest(
        int gpuCount,
        List<String> gpus,
        OptionalInt cpusPerGpu,
        OptionalInt cpus,
        OptionalLong memoryBytes,
        boolean isolated,
        long hugepages,
        long hugepageSizeKib,
        boolean rdmaNic,
        NumaPolicy numaPolicy) {

    /** The default hugepage size, 2 MiB, in KiB. */
    public static final long DEFAULT_HUGEPAGE_SIZE_KIB = 2048;

    /**
     * Creates an immutable copy; a 0 {@code gpuCount} with named GPUs becomes their number.
     *
     * @throws NullPointerException if a component is null
     */
    public PlacementRequest {
        gpus = List.copyOf(gpus);
        Objects.requireNonNull(cpusPerGpu, "cpusPerGpu");
        Objects.requireNonNull(cpus, "cpus");
        Objects.requireNonNull(memoryBytes, "memoryBytes");
        Objects.requireNonNull(numaPolicy, "numaPolicy");
        if (gpuCount == 0) {
            gpuCount = gpus.size();
        }
    }

    /** {@code cpus} CPUs and no GPU, memory preferred on their nodes. */
    public static PlacementRequest cpuOnly(int cpus) {
        return new PlacementRequest(0, List.of(), OptionalInt.empty(), OptionalInt.of(cpus), OptionalLong.empty(),
                false, 0, DEFAULT_HUGEPAGE_SIZE_KIB, false, NumaPolicy.PREFERRED);
    }

    /** {@code count} GPUs chosen by the placer, with all free CPUs of their nodes. */
    public static PlacementRequest gpus(int count) {
        return new PlacementRequest(count, List.of(), OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(),
                false, 0, DEFAULT_HUGEPAGE_SIZE_KIB, false, NumaPolicy.PREFERRED);
    }

    /** The named GPUs (indexes or PCI addresses), with all free CPUs of their nodes. */
    public static PlacementRequest gpus(List<String> gpus) {
        return new PlacementRequest(0, gpus, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(),
                false, 0, DEFAULT_HUGEPAGE_SIZE_KIB, false, NumaPolicy.PREFERRED);
    }

    /** The same request with {@code count} CPUs in all (and no per-GPU count). */
    public PlacementRequest withCpus(int count) {
        return new PlacementRequest(gpuCount, gpus, OptionalInt.empty(), OptionalInt.of(count), memoryBytes,
                isolated, hugepages, hugepageSizeKib, rdmaNic, numaPolicy);
    }

    /** The same request with {@code count} CPUs per GPU (and no total). */
    public PlacementRequest withCpusPerGpu(int count) {
        return new PlacementRequest(gpuCount, gpus, OptionalInt.of(count), OptionalInt.empty(), memoryBytes,
                isolated, hugepages, hugepageSizeKib, rdmaNic, numaPolicy);
    }

    /** The same request needing {@code bytes} of memory. */
    public PlacementRequest withMemoryBytes(long bytes) {
        return new PlacementRequest(gpuCount, gpus, cpusPerGpu, cpus, OptionalLong.of(bytes),
                isolated, hugepages, hugepageSizeKib, rdmaNic, numaPolicy);
    }

    /** The same request on isolated CPUs only. */
    public PlacementRequest onIsolatedCpus() {
        return new PlacementRequest(gpuCount, gpus, cpusPerGpu, cpus, memoryBytes,
                true, hugepages, hugepageSizeKib, rdmaNic, numaPolicy);
    }

    /** The same request needing {@code count} hugepages of {@code sizeKib} KiB. */
    public PlacementRequest withHugepages(long count, long sizeKib) {
        return new PlacementRequest(gpuCount, gpus, cpusPerGpu, cpus, memoryBytes,
                isolated, count, sizeKib, rdmaNic, numaPolicy);
    }

    /** The same request with the RDMA NIC nearest the GPUs. */
    public PlacementRequest withRdmaNic() {
        return new PlacementRequest(gpuCount, gpus, cpusPerGpu, cpus, memoryBytes,
                isolated, hugepages, hugepageSizeKib, true, numaPolicy);
    }

    /** The same request with memory bound by {@code policy}. */
    public PlacementRequest withPolicy(NumaPolicy policy) {
        return new PlacementRequest(gpuCount, gpus, cpusPerGpu, cpus, memoryBytes,
                isolated, hugepages, hugepageSizeKib, rdmaNic, policy);
    }
}
