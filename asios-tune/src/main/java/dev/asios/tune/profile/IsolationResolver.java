package dev.asios.tune.profile;

import dev.asios.host.cpu.CpuGroup;
import dev.asios.host.cpu.CpuTopology;
import dev.asios.host.numa.NumaNode;
import dev.asios.host.numa.NumaTopology;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns {@code cpu.isolate} into the CPUs to isolate on one host. Pure functions of their
 * arguments; thread-safe.
 *
 * <p>The forms of the spec:
 * <ul>
 *   <li>{@code none}: isolate nothing (the empty set);</li>
 *   <li>a CPU list in the kernel's format ({@code 2-7,10}): exactly those CPUs, which must all
 *       be online, leaving at least one online CPU for the kernel;</li>
 *   <li>{@code auto}: every online CPU except the first {@code housekeepingPerNode} whole cores
 *       (all their hardware threads) of each NUMA node; on a host with two online CPUs or fewer,
 *       every CPU except the first. A kernel that shows no cores counts each CPU as a core.</li>
 * </ul>
 */
public final class IsolationResolver {

    /** Isolate nothing. */
    public static final String NONE = "none";

    /** Isolate all but a few housekeeping cores per NUMA node. */
    public static final String AUTO = "auto";

    private IsolationResolver() {
    }

    /**
     * The CPUs to isolate.
     *
     * @param spec {@code none}, {@code auto} or a CPU list
     * @param housekeepingPerNode whole cores per node kept for the kernel under {@code auto}, at least 1
     * @throws ProfileException when the spec is not one of the forms, names a CPU that is not
     *     online, isolates every online CPU, or (under {@code auto}) isolates nothing
     */
    public static CpuSet resolve(String spec, int housekeepingPerNode, CpuTopology cpu, NumaTopology numa) {
        if (housekeepingPerNode < 1) {
            throw ProfileException.of("cpu.housekeepingPerNode: expected an integer >= 1, found " + housekeepingPerNode);
        }
        String trimmed = spec == null ? "" : spec.strip();
        CpuSet online = cpu.onlineCpus();
        if (trimmed.equals(NONE)) {
            return CpuSet.empty();
        }
        if (online.isEmpty()) {
            throw ProfileException.of("cpu.isolate: the host shows no online CPUs");
        }
        CpuSet isolated = trimmed.equals(AUTO) ? auto(housekeepingPerNode, cpu, numa, online) : explicit(trimmed, online);
        if (isolated.containsAll(online)) {
            throw ProfileException.of("cpu.isolate '" + trimmed + "': isolating every CPU leaves none for the kernel (online: " + online + ")");
        }
        if (isolated.isEmpty()) {
            throw ProfileException.of("cpu.isolate '" + trimmed + "' with housekeepingPerNode " + housekeepingPerNode
                    + " isolates no CPU on this host (online: " + online + "); lower housekeepingPerNode or use none");
        }
        return isolated;
    }

    /**
     * Checks the form of a spec without a host: {@code none}, {@code auto} or a non-empty CPU list.
     *
     * @throws ProfileException naming what is wrong, without a file or line
     */
    public static void checkForm(String spec) {
        String trimmed = spec == null ? "" : spec.strip();
        if (!trimmed.equals(NONE) && !trimmed.equals(AUTO)) {
            parseList(trimmed);
        }
    }

    private static CpuSet explicit(String spec, CpuSet online) {
        CpuSet requested = parseList(spec);
        CpuSet missing = requested.andNot(online);
        if (!missing.isEmpty()) {
            throw ProfileException.of("cpu.isolate '" + spec + "': CPUs " + missing + " are not online on this host (online: " + online + ")");
        }
        return requested;
    }

    private static CpuSet parseList(String spec) {
        CpuSet set;
        try {
            set = CpuSet.parseList(spec);
        } catch (ParseException e) {
            throw ProfileException.of("cpu.isolate: expected none, auto or a CPU list such as 2-7,10; " + e.getMessage());
        }
        if (set.isEmpty()) {
            throw ProfileException.of("cpu.isolate: expected none, auto or a CPU list such as 2-7,10, found an empty list");
        }
        return set;
    }

    private static CpuSet auto(int housekeepingPerNode, CpuTopology cpu, NumaTopology numa, CpuSet online) {
        if (online.size() <= 2) {
            return online.andNot(CpuSet.of(online.first()));
        }
        List<CpuSet> cores = cores(cpu, online);
        CpuSet housekeeping = CpuSet.empty();
        for (CpuSet nodeCpus : nodeCpuSets(numa, online)) {
            int kept = 0;
            for (CpuSet core : cores) {
                if (kept == housekeepingPerNode) {
                    break;
                }
                if (nodeCpus.contains(core.first())) {
                    housekeeping = housekeeping.or(core);
                    kept++;
                }
            }
        }
        return online.andNot(housekeeping);
    }

    /** Online cores by first CPU; a CPU the kernel puts in no core is a core of its own. */
    private static List<CpuSet> cores(CpuTopology cpu, CpuSet online) {
        List<CpuSet> cores = new ArrayList<>();
        CpuSet covered = CpuSet.empty();
        for (CpuGroup core : cpu.cores()) {
            CpuSet threads = core.cpus().and(online);
            if (!threads.isEmpty()) {
                cores.add(threads);
                covered = covered.or(threads);
            }
        }
        online.andNot(covered).stream().forEach(single -> cores.add(CpuSet.of(single)));
        cores.sort(Comparator.comparingInt(CpuSet::first));
        return cores;
    }

    /** Online CPUs of each NUMA node with CPUs; online CPUs in no node form one more group. */
    private static List<CpuSet> nodeCpuSets(NumaTopology numa, CpuSet online) {
        List<CpuSet> groups = new ArrayList<>();
        CpuSet covered = CpuSet.empty();
        for (NumaNode node : numa.nodes()) {
            CpuSet cpus = node.cpus().and(online);
            if (!cpus.isEmpty()) {
                groups.add(cpus);
                covered = covered.or(cpus);
            }
        }
        CpuSet rest = online.andNot(covered);
        if (!rest.isEmpty()) {
            groups.add(rest);
        }
        return groups;
    }
}
