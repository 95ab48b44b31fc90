package dev.asios.tune.tunable;

import dev.asios.host.kernel.CgroupMount;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.kernel.Cgroups;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.ValueFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Dynamic CPU isolation, without a reboot: the isolated CPUs are taken out of the scheduler's
 * load balancing and away from every task that can move, and given to a cpuset of their own,
 * {@value #ISOLATED}, where workloads are placed explicitly ({@code asios run --isolate}).
 *
 * <p>On cgroup v2 (Linux 6.1 or later) the cpuset is an isolated partition
 * ({@code cpuset.cpus.partition = isolated}): the kernel takes its CPUs out of every other
 * cgroup and out of load balancing, and moves the tasks itself. On cgroup v1 it is done as
 * {@code cset shield} does: a {@value #HOUSEKEEPING} cpuset with the housekeeping CPUs receives
 * every movable task and kernel thread of the root cpuset (the journal records which), other
 * cpusets lose the isolated CPUs, {@value #ISOLATED} is CPU-exclusive with no load balancing, and
 * the root stops balancing across all CPUs. Rollback undoes each step in reverse: tasks go back
 * to the root cpuset and the folders are removed.
 */
public final class CpuIsolationTunable implements Tunable {

    /** The cpuset of the isolated CPUs, under the cpuset hierarchy's root. */
    public static final String ISOLATED = "asios-isolated";

    /** The cgroup v1 cpuset of the housekeeping CPUs, under the cpuset hierarchy's root. */
    public static final String HOUSEKEEPING = "asios-housekeeping";

    /** How deep other cpusets are searched for isolated CPUs to take away. */
    private static final int MAX_DEPTH = 8;

    @Override
    public String id() {
        return "cpu.isolate";
    }

    @Override
    public Result plan(TuneContext context) {
        if (context.isolated().isEmpty()) {
            return Result.NONE;
        }
        Optional<Cgroups> cgroups = context.host().kernel().cgroups();
        Optional<CgroupMount> v1 = cgroups.flatMap(c -> c.mounts().stream()
                .filter(m -> m.version() == CgroupVersion.V1 && m.controllers().contains("cpuset")).findFirst());
        if (v1.isPresent()) {
            return cgroupV1(context, v1.get().mountPoint());
        }
        Optional<CgroupMount> v2 = cgroups.filter(Cgroups::cpusetOnV2)
                .flatMap(c -> c.mounts().stream().filter(m -> m.version() == CgroupVersion.V2).findFirst());
        if (v2.isEmpty()) {
            return Result.skipped(id(), "no cpuset controller is mounted (neither a cgroup v1 cpuset hierarchy nor cpuset on cgroup v2); "
                    + "the boot plan's isolcpus still isolates after a reboot");
        }
        boolean partitions = context.host().kernel().kernel().version().map(v -> v.atLeast(6, 1)).orElse(false);
        if (!partitions) {
            return Result.skipped(id(), "isolated cpuset partitions need Linux 6.1 or later; the boot plan's isolcpus isolates after a reboot");
        }
        return cgroupV2(context, v2.get().mountPoint());
    }

    private Result cgroupV2(TuneContext context, String mount) {
        Sysroot sysroot = context.values().sysroot();
        Results results = new Results();
        results.add(Tunable.fileChange(context, id(), mount + "/cgroup.subtree_control", ValueFormat.CONTROLLERS,
                withCpuset(sysroot.read(mount + "/cgroup.subtree_control").orElse("")), "child cgroups get the cpuset controller"));
        String isolated = mount + "/" + ISOLATED;
        List<Change> changes = new ArrayList<>();
        changes.add(createCgroup(sysroot, isolated, "the cpuset of the isolated CPUs"));
        changes.add(write(sysroot, isolated + "/cpuset.cpus", ValueFormat.CPU_LIST, context.isolated().toList(), "the isolated CPUs"));
        changes.add(write(sysroot, isolated + "/cpuset.cpus.partition", ValueFormat.PLAIN, "isolated",
                "an isolated partition: its CPUs leave every other cgroup and the scheduler's load balancing"));
        results.add(new Result(changes, List.of()));
        return results.result();
    }

    private Result cgroupV1(TuneContext context, String mount) {
        Sysroot sysroot = context.values().sysroot();
        String prefix = sysroot.exists(mount + "/cpuset.cpus") ? "cpuset." : "";
        Optional<String> mems = sysroot.readTrimmed(mount + "/" + prefix + "mems");
        if (mems.isEmpty()) {
            return Result.skipped(id(), mount + "/" + prefix + "mems cannot be read; the cpuset hierarchy is not usable");
        }
        String housekeeping = mount + "/" + HOUSEKEEPING;
        String isolated = mount + "/" + ISOLATED;
        List<Change> changes = new ArrayList<>();
        changes.add(createCgroup(sysroot, housekeeping, "the cpuset of the housekeeping CPUs, for every task that can move"));
        changes.add(write(sysroot, housekeeping + "/" + prefix + "cpus", ValueFormat.CPU_LIST, context.housekeeping().toList(), "the housekeeping CPUs"));
        changes.add(write(sysroot, housekeeping + "/" + prefix + "mems", ValueFormat.CPU_LIST, mems.get(), "all memory nodes"));
        changes.addAll(shrinkOtherCpusets(context, mount, prefix));
        changes.add(new Change(id(), Operation.MOVE_TASKS, housekeeping, ValueFormat.PLAIN, "tasks in " + mount, mount,
                "movable tasks and kernel threads leave the isolated CPUs (per-CPU kernel threads stay)"));
        changes.add(createCgroup(sysroot, isolated, "the cpuset of the isolated CPUs"));
        changes.add(write(sysroot, isolated + "/" + prefix + "cpus", ValueFormat.CPU_LIST, context.isolated().toList(), "the isolated CPUs"));
        changes.add(write(sysroot, isolated + "/" + prefix + "mems", ValueFormat.CPU_LIST, mems.get(), "all memory nodes"));
        changes.add(write(sysroot, isolated + "/" + prefix + "cpu_exclusive", ValueFormat.PLAIN, "1", "no other cpuset may use the isolated CPUs"));
        changes.add(write(sysroot, isolated + "/" + prefix + "sched_load_balance", ValueFormat.PLAIN, "0",
                "the scheduler does not balance load onto or off the isolated CPUs"));
        changes.add(write(sysroot, mount + "/" + prefix + "sched_load_balance", ValueFormat.PLAIN, "0",
                "the root stops balancing across all CPUs: only the housekeeping cpuset balances"));
        return new Result(changes, List.of());
    }

    /** Other cpusets that hold isolated CPUs lose them, deepest first (a child must stay inside its parent). */
    private List<Change> shrinkOtherCpusets(TuneContext context, String mount, String prefix) {
        Sysroot sysroot = context.values().sysroot();
        List<String> cpusets = new ArrayList<>();
        collectChildren(sysroot, mount, 1, cpusets);
        cpusets.sort(Comparator.comparingLong((String dir) -> dir.chars().filter(c -> c == '/').count()).reversed());
        List<Change> changes = new ArrayList<>();
        for (String dir : cpusets) {
            String file = dir + "/" + prefix + "cpus";
            Optional<CpuSet> cpus = cpuList(sysroot, file);
            if (cpus.isPresent() && cpus.get().intersects(context.isolated())) {
                changes.add(new Change(id(), file, ValueFormat.CPU_LIST, cpus.get().toList(), context.offIsolated(cpus.get()).toList(),
                        "the cpuset " + dir + " leaves the isolated CPUs"));
            }
        }
        return changes;
    }

    private static void collectChildren(Sysroot sysroot, String dir, int depth, List<String> into) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (String name : sysroot.list(dir)) {
            String child = dir + "/" + name;
            boolean ours = depth == 1 && (name.equals(ISOLATED) || name.equals(HOUSEKEEPING));
            if (!ours && sysroot.isDirectory(child)) {
                into.add(child);
                collectChildren(sysroot, child, depth + 1, into);
            }
        }
    }

    private Change createCgroup(Sysroot sysroot, String dir, String reason) {
        String state = sysroot.isDirectory(dir) ? Operation.PRESENT : Operation.ABSENT;
        return new Change(id(), Operation.CREATE_CGROUP, dir, ValueFormat.PLAIN, state, Operation.PRESENT, reason);
    }

    /** A write to a file of a cgroup that may not exist yet: its current value is empty then. */
    private Change write(Sysroot sysroot, String file, ValueFormat format, String desired, String reason) {
        String current;
        try {
            current = sysroot.read(file).map(format::effective).orElse("");
        } catch (ParseException e) {
            current = sysroot.readTrimmed(file).orElse("");
        }
        return new Change(id(), file, format, current, desired, reason);
    }

    private static Optional<CpuSet> cpuList(Sysroot sysroot, String file) {
        try {
            return sysroot.read(file).map(CpuSet::parseList);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static String withCpuset(String controllers) {
        return ValueFormat.CONTROLLERS.effective(controllers + " cpuset");
    }
}
