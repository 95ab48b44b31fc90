package dev.asios.health.heal;

import dev.asios.health.rules.TaskOnCpu;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.HostOperations;
import dev.asios.tune.apply.TaskPlacements;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.TaskPlacement;
import dev.asios.tune.plan.TaskRef;
import dev.asios.tune.plan.ValueFormat;
import dev.asios.tune.tunable.CpuIsolationTunable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The changes that move tasks off isolated CPUs, as {@link Operation#SET_AFFINITY} changes the
 * tuning executor journals with each task's start time. A task may keep the CPUs it was allowed
 * outside the isolated ones, or gets the housekeeping CPUs when it had none. A task in an isolated
 * cpuset (which allows only isolated CPUs, so the kernel refuses any other affinity) first leaves
 * it: on cgroup v1 for the {@value CpuIsolationTunable#HOUSEKEEPING} cpuset next to it, on cgroup
 * v2 (where there is none) for the parent, taking its whole process along, as v2 moves processes.
 * Not thread-safe (the foreign-task scan is not).
 */
final class TaskMoves {

    /** The tunable id the changes are journaled under. */
    static final String TUNABLE = "heal.task";

    private final Sysroot sysroot;
    private final TaskPlacements tasks;
    private final IsolatedTasks view;

    TaskMoves(Sysroot sysroot, IsolatedTasks view) {
        this.sysroot = sysroot;
        this.tasks = HostOperations.of(sysroot).tasks();
        this.view = view;
    }

    /** The change for thread {@code tid} of process {@code pid}; empty if it is gone or may not run on any isolated CPU. */
    Optional<Change> of(long pid, long tid, CpuSet isolated, CpuSet housekeeping) {
        Optional<TaskRef> task = tasks.task(pid, tid);
        Optional<CpuSet> allowed = task.flatMap(tasks::cpus);
        if (allowed.isEmpty() || !allowed.get().intersects(isolated)) {
            return Optional.empty();
        }
        CpuSet outside = allowed.get().andNot(isolated);
        CpuSet target = outside.isEmpty() ? housekeeping : outside;
        String thread = (tid == pid ? "process " + pid : "thread " + tid + " of process " + pid) + " may run on isolated CPUs "
                + allowed.get().and(isolated).toList();
        for (String folder : view.isolatedCpusets()) {
            Optional<String> in = sysroot.isDirectory(folder)
                    ? tasks.cgroup(task.get(), folder).filter(f -> f.equals(folder) || f.startsWith(folder + "/")) : Optional.empty();
            if (in.isPresent()) {
                return Optional.of(change(task.get(), TaskPlacement.of(allowed.get(), in.get()).text(), TaskPlacement.of(target, outOf(folder)),
                        thread + ", the only CPUs of its cpuset " + in.get()));
            }
        }
        return Optional.of(change(task.get(), allowed.get().toList(), TaskPlacement.of(target, null), thread));
    }

    /** The changes for every foreign thread on {@code cpu}; empty when there is none. */
    List<Change> onCpu(int cpu, CpuSet isolated, CpuSet housekeeping) {
        List<Change> changes = new ArrayList<>();
        for (TaskOnCpu task : view.foreign().on(CpuSet.of(cpu))) {
            of(task.pid(), task.tid(), isolated, housekeeping).ifPresent(changes::add);
        }
        return changes;
    }

    /** Where a task leaves the isolated cpuset {@code folder} for: the housekeeping cpuset next to it (cgroup v1), else its parent. */
    private String outOf(String folder) {
        String parent = folder.substring(0, folder.lastIndexOf('/'));
        String housekeeping = parent + "/" + CpuIsolationTunable.HOUSEKEEPING;
        return sysroot.isDirectory(housekeeping) ? housekeeping : parent;
    }

    private static Change change(TaskRef task, String current, TaskPlacement desired, String reason) {
        return new Change(TUNABLE, Operation.SET_AFFINITY, task.path(), ValueFormat.PLAIN, current, desired.text(), reason);
    }
}
