package dev.asios.health.rules;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.runs.TrackedRun;
import dev.asios.observe.runs.TrackedRuns;
import dev.asios.tune.apply.CgroupFs;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The task ids of every tracked run: those listed in its cgroup folders and the folders below them
 * ({@code cgroup.procs}, process ids, on cgroup v2; {@code tasks}, thread ids, on v1), read through
 * the tune layer's {@link CgroupFs}. Read on every {@link #get()}; a folder that is gone adds
 * nothing. Thread-safe.
 */
public final class TrackedRunTasks implements Supplier<Set<Long>> {

    /** How deep the folders below a run's are searched. */
    static final int MAX_DEPTH = 8;

    private final Sysroot sysroot;
    private final CgroupFs cgroups;
    private final TrackedRuns runs;

    /** The tasks of {@code runs}, read through {@code sysroot}. */
    public TrackedRunTasks(Sysroot sysroot, TrackedRuns runs) {
        this.sysroot = sysroot;
        this.cgroups = CgroupFs.kernel(sysroot);
        this.runs = runs;
    }

    @Override
    public Set<Long> get() {
        Set<Long> ids = new HashSet<>();
        for (TrackedRun run : runs.current()) {
            for (String folder : run.cgroupPaths()) {
                add(folder, 0, ids);
            }
        }
        return ids;
    }

    private void add(String folder, int depth, Set<Long> ids) {
        ids.addAll(cgroups.tasks(folder));
        if (depth >= MAX_DEPTH) {
            return;
        }
        for (String name : sysroot.list(folder)) {
            String child = folder + "/" + name;
            if (sysroot.isDirectory(child)) {
                add(child, depth + 1, ids);
            }
        }
    }
}
