package dev.asios.host.cpu;

import dev.asios.host.parse.CpuSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPUs of a host: what they are and how they are grouped. Immutable.
 *
 * @param architecture the machine architecture as {@code uname -m} prints it ({@code x86_64},
 *     {@code aarch64}, {@code riscv64}, …), or {@code unknown}
 * @param vendor the CPU vendor, when cpuinfo names one
 * @param model the CPU model name, when cpuinfo names one
 * @param aiFeatures the instruction set features that matter for AI kernels (AVX2, AVX-512
 *     family, AMX, SVE/SVE2, RVV, …), lower case as the kernel spells them, sorted
 * @param packages sockets, in order of their first CPU
 * @param dies dies, where the kernel shows them and they differ from packages
 * @param clusters clusters (shared L2 or mesh tiles), where the kernel shows them and they differ
 *     from both cores and packages
 * @param cores physical cores; empty when the kernel does not show thread siblings
 * @param pus all processing units the kernel knows, online and offline, by number
 * @param caches every cache instance, by level then first CPU
 */
public record CpuTopology(
        String architecture,
        Optional<String> vendor,
        Optional<String> model,
        Set<String> aiFeatures,
        List<CpuGroup> packages,
        List<CpuGroup> dies,
        List<CpuGroup> clusters,
        List<CpuGroup> cores,
        List<Pu> pus,
        List<Cache> caches) {

    /** Creates an immutable copy. */
    public CpuTopology {
        aiFeatures = Collections.unmodifiableSortedSet(new TreeSet<>(aiFeatures));
        packages = List.copyOf(packages);
        dies = List.copyOf(dies);
        clusters = List.copyOf(clusters);
        cores = List.copyOf(cores);
        pus = List.copyOf(pus);
        caches = List.copyOf(caches);
    }

    /** The online CPUs. */
    public CpuSet onlineCpus() {
        return CpuSet.of(pus.stream().filter(Pu::online).mapToInt(Pu::osIndex));
    }

    /** The offline CPUs that the kernel lists. */
    public CpuSet offlineCpus() {
        return CpuSet.of(pus.stream().filter(pu -> !pu.online()).mapToInt(Pu::osIndex));
    }

    /** Caches of one level that hold data (unified or data caches). */
    public List<Cache> dataCaches(int level) {
        return caches.stream().filter(c -> c.level() == level && c.type() != CacheType.INSTRUCTION).toList();
    }
}
