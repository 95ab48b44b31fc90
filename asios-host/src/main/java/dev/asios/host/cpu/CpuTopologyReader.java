package dev.asios.host.cpu;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysrootValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the CPUs of a host from {@code /sys/devices/system/cpu} and {@code /proc/cpuinfo}.
 *
 * <p>Groups are built from the kernel's sibling masks, not from ids, because ids repeat across
 * packages: a core is the set in {@code core_cpus} (older kernels: {@code thread_siblings}), a
 * package the set in {@code package_cpus} ({@code core_siblings}), a die {@code die_cpus}, a
 * cluster {@code cluster_cpus}. Each mask is intersected with the usable CPUs, and the group is
 * created once, by its first CPU. A CPU is usable when it is online and has a {@code topology}
 * folder. This is the method of hwloc, the reference for topology discovery.
 *
 * <p>Not thread-safe; make one per read.
 */
public final class CpuTopologyReader {

    private static final String CPU_DIR = "/sys/devices/system/cpu";

    private final SysrootValues values;

    /** Reads through {@code values}. */
    public CpuTopologyReader(SysrootValues values) {
        this.values = values;
    }

    /** Reads the whole CPU topology; problems become warnings, never exceptions. */
    public CpuTopology read() {
        CpuInfo cpuInfo = values.sysroot().read("/proc/cpuinfo").map(CpuInfoParser::parse).orElse(CpuInfo.EMPTY);
        String architecture = new ArchitectureDetector(values).detect(cpuInfo);
        List<Integer> known = knownCpus();
        CpuSet usable = usableCpus(known);
        boolean computeUnits = CpuIdentity.hasAmdComputeUnits(cpuInfo);
        CoreTypes coreTypes = new CoreTypeReader(values).read(usable);

        List<CpuGroup> cores = new ArrayList<>();
        List<CpuGroup> packages = new ArrayList<>();
        List<CpuGroup> dies = new ArrayList<>();
        List<CpuGroup> clusters = new ArrayList<>();
        List<Pu> pus = new ArrayList<>();
        for (int cpu : known) {
            if (!usable.contains(cpu)) {
                pus.add(new Pu(cpu, false, OptionalInt.empty(), OptionalInt.empty(), Optional.empty()));
                continue;
            }
            String topo = CPU_DIR + "/cpu" + cpu + "/topology/";
            OptionalInt coreId = intValue(topo + "core_id");
            OptionalInt packageId = intValue(topo + "physical_package_id");
            addCores(cores, cpu, usable, topo, coreId, computeUnits);
            addGroup(packages, cpu, usable, topo, packageId, "package_cpus", "core_siblings");
            addGroup(dies, cpu, usable, topo, intValue(topo + "die_id"), "die_cpus", null);
            addGroup(clusters, cpu, usable, topo, intValue(topo + "cluster_id"), "cluster_cpus", null);
            pus.add(new Pu(cpu, true, packageId, coreId, coreTypes.typeOf(cpu)));
        }
        List<Cache> caches = new CacheReader(values).read(usable);
        return new CpuTopology(
                architecture,
                CpuIdentity.vendor(cpuInfo),
                CpuIdentity.model(cpuInfo),
                AiFeatures.of(cpuInfo),
                packages,
                distinctFrom(dies, packages),
                distinctFrom(distinctFrom(clusters, packages), cores),
                cores,
                pus,
                caches);
    }

    private List<Integer> knownCpus() {
        List<Integer> cpus = new ArrayList<>();
        for (String name : values.sysroot().list(CPU_DIR)) {
            if (name.length() > 3 && name.startsWith("cpu") && name.substring(3).chars().allMatch(Character::isDigit)) {
                cpus.add(Integer.parseInt(name.substring(3)));
            }
        }
        cpus.sort(Comparator.naturalOrder());
        return cpus;
    }

    private CpuSet usableCpus(List<Integer> known) {
        Optional<CpuSet> online = values.cpuList(CPU_DIR + "/online");
        List<Integer> usable = new ArrayList<>();
        for (int cpu : known) {
            String dir = CPU_DIR + "/cpu" + cpu;
            boolean isOnline = online.map(set -> set.contains(cpu))
                    .orElseGet(() -> values.longValue(dir + "/online").orElse(1) != 0);
            if (isOnline && values.sysroot().isDirectory(dir + "/topology")) {
                usable.add(cpu);
            }
        }
        return CpuSet.of(usable.stream().mapToInt(Integer::intValue));
    }

    private void addCores(List<CpuGroup> cores, int cpu, CpuSet usable, String topo, OptionalInt coreId, boolean computeUnits) {
        Optional<CpuSet> mask = mask(topo, "core_cpus", "thread_siblings").map(m -> m.and(usable));
        if (mask.isEmpty() || mask.get().isEmpty()) {
            return;
        }
        CpuSet coreCpus = mask.get();
        if (computeUnits && coreCpus.size() > 1 && threadsHaveOwnCoreIds(coreCpus, coreId)) {
            // AMD compute units (family 15h): two integer cores share a front end and show as siblings.
            cores.add(new CpuGroup(coreId, CpuSet.of(cpu)));
        } else if (coreCpus.first() == cpu) {
            cores.add(new CpuGroup(coreId, coreCpus));
        }
    }

    private boolean threadsHaveOwnCoreIds(CpuSet siblings, OptionalInt coreId) {
        return siblings.stream()
                .mapToObj(s -> intValue(CPU_DIR + "/cpu" + s + "/topology/core_id"))
                .anyMatch(other -> !other.equals(coreId));
    }

    private void addGroup(List<CpuGroup> groups, int cpu, CpuSet usable, String topo, OptionalInt id, String file, String oldFile) {
        Optional<CpuSet> mask = mask(topo, file, oldFile).map(m -> m.and(usable));
        if (mask.isPresent() && mask.get().first() == cpu) {
            groups.add(new CpuGroup(id, mask.get()));
        }
    }

    private Optional<CpuSet> mask(String topo, String file, String oldFile) {
        Optional<CpuSet> mask = values.cpuMask(topo + file);
        if (mask.isEmpty() && oldFile != null) {
            mask = values.cpuMask(topo + oldFile);
        }
        return mask;
    }

    private OptionalInt intValue(String path) {
        OptionalLong value = values.longValue(path);
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    /** Drops groups that have the same CPUs as a group of the other level: they add no information. */
    private static List<CpuGroup> distinctFrom(List<CpuGroup> groups, List<CpuGroup> other) {
        Set<CpuSet> taken = new HashSet<>();
        other.forEach(g -> taken.add(g.cpus()));
        return groups.stream().filter(g -> !taken.contains(g.cpus())).toList();
    }
}
