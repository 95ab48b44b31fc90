package dev.asios.tune.apply;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.plan.TaskRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A recorded tree with a cgroup v1 cpuset hierarchy as CPU isolation leaves it (CPUs 0-3: root,
 * {@code asios-housekeeping} 0-1, {@code asios-isolated} 2-3) and tasks to place, with operations
 * that emulate cgroupfs and {@code sched_setaffinity} on it.
 */
final class TaskTree {

    static final String MOUNT = "/sys/fs/cgroup/cpuset";
    static final String HOUSEKEEPING = MOUNT + "/asios-housekeeping";
    static final String ISOLATED = MOUNT + "/asios-isolated";

    final SysfsTree tree;
    final Sysroot sysroot;

    TaskTree(Path root) {
        tree = new SysfsTree(root);
        for (String cpuset : List.of(MOUNT, HOUSEKEEPING, ISOLATED)) {
            tree.file(cpuset + "/tasks", "").file(cpuset + "/cgroup.procs", "");
        }
        tree.file(MOUNT + "/cpuset.cpus", "0-3\n").file(HOUSEKEEPING + "/cpuset.cpus", "0-1\n").file(ISOLATED + "/cpuset.cpus", "2-3\n");
        sysroot = tree.sysroot();
    }

    /** Thread {@code tid} of process {@code pid}, started at {@code startTicks}, allowed on {@code cpus}, in the cpuset folder {@code cpuset}. */
    TaskRef task(long pid, long tid, long startTicks, String cpus, String cpuset) {
        String stat = tid + " (python3) R " + 1 + " " + pid + " " + pid + " 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 " + startTicks + " 0 0\n";
        tree.file("/proc/" + pid + "/task/" + tid + "/stat", stat).file("/proc/" + tid + "/stat", stat)
                .file("/proc/" + pid + "/task/" + tid + "/status", "Name:\tpython3\nCpus_allowed:\tf\nCpus_allowed_list:\t" + cpus + "\nMems_allowed:\t1\n")
                .file("/proc/" + pid + "/task/" + tid + "/cgroup", "9:name=systemd:/\n3:cpuset:" + cpuset.substring(MOUNT.length()).replaceFirst("^$", "/")
                        + "\n1:cpu:/user.slice\n0::/user.slice\n");
        String tasks = sysroot.read(cpuset + "/tasks").orElse("");
        tree.file(cpuset + "/tasks", tasks + tid + "\n");
        return new TaskRef(pid, tid, startTicks);
    }

    /** Operations on the tree with cgroupfs (keeping each moved task's {@code cgroup} file in step) and {@code sched_setaffinity} emulated. */
    HostOperations operations() {
        CgroupFs cgroups = new EmulatedCgroupFs(sysroot) {
            @Override
            public void move(long task, String from, String to) throws IOException {
                super.move(task, from, to);
                try (Stream<Path> processes = Files.list(sysroot.resolve("/proc"))) {
                    for (Path file : processes.map(p -> p.resolve("task/" + task + "/cgroup")).filter(Files::exists).toList()) {
                        String relative = to.equals(MOUNT) ? "/" : to.substring(MOUNT.length());
                        Files.writeString(file, Files.readString(file).replaceFirst("(?m)^3:cpuset:.*$", "3:cpuset:" + relative));
                    }
                }
            }
        };
        return new HostOperations(sysroot, cgroups, new EmulatedTaskAffinity(sysroot, List.of(HOUSEKEEPING, ISOLATED, MOUNT)));
    }

    /** The CPUs a task's status shows. */
    String cpus(TaskRef task) {
        return sysroot.read(task.folder() + "/status").orElseThrow().lines().filter(l -> l.startsWith("Cpus_allowed_list:"))
                .map(l -> l.substring(l.indexOf('\t') + 1)).findFirst().orElseThrow();
    }

    /** Whether a cpuset's tasks list has the id. */
    boolean lists(String cpuset, long id) {
        return sysroot.read(cpuset + "/tasks").map(CgroupFs::parseTasks).orElseThrow().contains(id);
    }
}
