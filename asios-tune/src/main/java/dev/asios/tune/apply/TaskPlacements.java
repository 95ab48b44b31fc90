package dev.asios.tune.apply;

import dev.asios.host.kernel.CpusAllowed;
import dev.asios.host.kernel.TaskStat;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.journal.JournalEntry;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.TaskPlacement;
import dev.asios.tune.plan.TaskRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Operation#SET_AFFINITY} means on a host: a task's placement is read from its
 * {@code /proc/PID/task/TID} files (its affinity from {@code status}, its cgroup from
 * {@code cgroup}, confirmed by the cgroup's task list), set by moving it between cgroups
 * ({@link CgroupFs}) and by {@link TaskAffinity}. Every method first checks that the task is the
 * one the {@link TaskRef} names (same start time): a task that exited, or whose id a new task now
 * has, is gone and never touched. Files are read through a second {@link Sysroot} on the same root
 * whose diagnostics are dropped, since a task may exit at any moment. Not thread-safe.
 */
public final class TaskPlacements {

    private final Sysroot quiet;
    private final CgroupFs cgroups;
    private final TaskAffinity affinity;

    /** Placements on {@code sysroot}, tasks moved through {@code cgroups} and their CPUs set through {@code affinity}. */
    public TaskPlacements(Sysroot sysroot, CgroupFs cgroups, TaskAffinity affinity) {
        this.quiet = sysroot.isHost() ? Sysroot.host() : Sysroot.of(sysroot.root());
        this.cgroups = cgroups;
        this.affinity = affinity;
    }

    /** Thread {@code tid} of process {@code pid} as it is now, with its start time; empty if there is no such thread. */
    public Optional<TaskRef> task(long pid, long tid) {
        return stat(new TaskRef(pid, tid, 0).folder()).flatMap(stat -> stat.startTicks().stream().boxed().findFirst())
                .map(start -> new TaskRef(pid, tid, start));
    }

    /** True when the task exited, or its id now names another task. */
    public boolean gone(TaskRef task) {
        return stat(task.folder()).map(stat -> stat.startTicks().orElse(-1) != task.startTicks()).orElse(true);
    }

    /** The CPUs the task may run on now; empty when it is gone. */
    public Optional<CpuSet> cpus(TaskRef task) {
        Optional<CpuSet> cpus;
        try {
            cpus = quiet.read(task.folder() + "/status").map(CpusAllowed::parse);
        } catch (ParseException e) {
            cpus = Optional.empty();
        }
        return gone(task) ? Optional.empty() : cpus;
    }

    /**
     * The cgroup folder the task is in, in the hierarchy that holds the folder {@code anyFolder}
     * (a host path); empty when it is gone or is in none that can be found.
     */
    public Optional<String> cgroup(TaskRef task, String anyFolder) {
        if (gone(task)) {
            return Optional.empty();
        }
        String root = hierarchyRoot(anyFolder);
        long member = memberId(task, root);
        if (cgroups.tasks(anyFolder).contains(member)) {
            return Optional.of(anyFolder);
        }
        for (String path : cgroupPaths(quiet.read(task.folder() + "/cgroup").orElse(""))) {
            String folder = path.equals("/") ? root : root + path;
            if (quiet.isDirectory(folder) && cgroups.tasks(folder).contains(member)) {
                return gone(task) ? Optional.empty() : Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /** The task's placement now, in the terms of {@code desired} (with its cgroup when the desired one names one); empty when it is gone. */
    Optional<String> state(String path, String desired) {
        TaskRef task = TaskRef.parse(path);
        Optional<CpuSet> cpus = cpus(task);
        Optional<String> into = TaskPlacement.parse(desired).cpuset();
        if (cpus.isEmpty() || into.isEmpty()) {
            return cpus.map(c -> TaskPlacement.of(c, null).text());
        }
        return cgroup(task, into.get()).map(folder -> TaskPlacement.of(cpus.get(), folder).text());
    }

    /**
     * Places the task: into the cgroup first, when the placement names one it is not in, then on
     * the CPUs, when it does not have them yet.
     *
     * @throws IOException if the task is gone, its cgroup cannot be found, or the kernel refuses
     */
    void place(String path, String value) throws IOException {
        TaskRef task = TaskRef.parse(path);
        TaskPlacement wanted = TaskPlacement.parse(value);
        if (wanted.cpuset().isPresent()) {
            String to = wanted.cpuset().get();
            String from = cgroup(task, to).orElseThrow(() -> new IOException(gone(task) ? "task " + task.tid() + " exited"
                    : "task " + task.tid() + " is in no cgroup of the hierarchy of " + to + " that can be found"));
            if (!from.equals(to)) {
                cgroups.move(memberId(task, hierarchyRoot(to)), from, to);
            }
        }
        Optional<CpuSet> now = cpus(task);
        if (now.isEmpty()) {
            throw new IOException("task " + task.tid() + " exited");
        }
        if (!now.get().equals(wanted.cpus())) {
            affinity.set(task.tid(), wanted.cpus());
        }
    }

    /** Places the task as it was, unless it is gone (also when it exits while this runs). */
    void restore(JournalEntry original) throws IOException {
        TaskRef task = TaskRef.parse(original.path());
        try {
            if (!gone(task)) {
                place(original.path(), original.value());
            }
        } catch (IOException e) {
            if (!gone(task)) {
                throw e;
            }
        }
    }

    /** True when the task is placed as the original says, or is gone. */
    boolean showsOriginal(JournalEntry original) {
        TaskRef task = TaskRef.parse(original.path());
        String wanted = TaskPlacement.parse(original.value()).text();
        return gone(task) || state(original.path(), original.value()).filter(wanted::equals).isPresent();
    }

    /** The id a cgroup's task list shows for the task: the thread on cgroup v1 ({@code tasks}), the process on v2 ({@code cgroup.procs}). */
    private long memberId(TaskRef task, String root) {
        return quiet.exists(root + "/tasks") ? task.tid() : task.pid();
    }

    /** The topmost folder above {@code folder} (or itself) that is still a cgroup: the hierarchy's mount point. */
    private String hierarchyRoot(String folder) {
        String root = folder;
        for (int slash = root.lastIndexOf('/'); slash > 0 && quiet.exists(root.substring(0, slash) + "/cgroup.procs"); slash = root.lastIndexOf('/')) {
            root = root.substring(0, slash);
        }
        return root;
    }

    private Optional<TaskStat> stat(String folder) {
        try {
            return quiet.read(folder + "/stat").map(TaskStat::parse);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    // Format of /proc/PID/task/TID/cgroup: "HIERARCHY-ID:CONTROLLERS:PATH" a line, "0::PATH" on cgroup v2
    /** The cgroup paths of a task's {@code cgroup} file, one per hierarchy; lines without two colons or a path starting with '/' are left out. */
    static List<String> cgroupPaths(String text) {
        List<String> paths = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && parts[2].startsWith("/") && !parts[2].contains("/../") && !parts[2].endsWith("/..")) {
                paths.add(parts[2]);
            }
        }
        return paths;
    }
}
