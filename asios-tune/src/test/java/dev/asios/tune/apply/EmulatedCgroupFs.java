package dev.asios.tune.apply;

import dev.asios.host.kernel.TaskStat;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.plan.ValueFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules of cgroupfs on a recorded tree, where cgroup folders are plain folders: a new cgroup
 * gets its parent's control files with a fresh cgroup's values (on v2 also the cpuset files when
 * the parent enables cpuset for its children), a task written into a cgroup
 * leaves the one it was in, tasks files list ids in order, a task that has no {@code /proc} entry
 * cannot move, a pinned kernel thread is refused, and a cgroup with tasks or children cannot be
 * removed.
 */
public class EmulatedCgroupFs implements CgroupFs {

    /** What a fresh cgroup's control files hold, where not empty. */
    private static final Map<String, String> FRESH = Map.of(
            "cpuset.sched_load_balance", "1\n", "cpuset.cpu_exclusive", "0\n", "cpuset.mem_exclusive", "0\n",
            "cpuset.cpus.partition", "member\n");

    private final Sysroot sysroot;

    /** Emulates cgroupfs on the recorded tree of {@code sysroot}. */
    public EmulatedCgroupFs(Sysroot sysroot) {
        this.sysroot = sysroot;
    }

    /** Operations on {@code sysroot} with this emulation. */
    public static HostOperations operations(Sysroot sysroot) {
        return new HostOperations(sysroot, new EmulatedCgroupFs(sysroot));
    }

    @Override
    public void create(String cgroup) throws IOException {
        Path dir = sysroot.resolve(cgroup);
        Files.createDirectory(dir);
        try (Stream<Path> files = Files.list(dir.getParent())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                Files.writeString(dir.resolve(name), FRESH.getOrDefault(name, ""));
            }
        }
        String parent = cgroup.substring(0, cgroup.lastIndexOf('/'));
        if (sysroot.read(parent + "/cgroup.subtree_control").orElse("").contains("cpuset")) {
            for (String name : List.of("cgroup.procs", "cpuset.cpus", "cpuset.mems", "cpuset.cpus.partition")) {
                Files.writeString(dir.resolve(name), FRESH.getOrDefault(name, ""));
            }
        }
    }

    @Override
    public void remove(String cgroup) throws IOException {
        Path dir = sysroot.resolve(cgroup);
        if (!tasks(cgroup).isEmpty()) {
            throw new IOException(cgroup + ": Device or resource busy (it has tasks)");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> all = entries.toList();
            if (all.stream().anyMatch(Files::isDirectory)) {
                throw new IOException(cgroup + ": Device or resource busy (it has children)");
            }
            for (Path file : all) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Override
    public List<Long> tasks(String cgroup) {
        return sysroot.read(CgroupFs.tasksFile(sysroot, cgroup)).map(CgroupFs::parseTasks).orElse(List.of());
    }

    @Override
    public void move(long task, String from, String to) throws IOException {
        Optional<TaskStat> stat = sysroot.read("/proc/" + task + "/stat").map(TaskStat::parse);
        if (stat.isEmpty()) {
            throw new IOException("No such process");
        }
        if (!stat.get().movable()) {
            throw new IOException("Invalid argument");
        }
        TreeSet<Long> source = new TreeSet<>(tasks(from));
        source.remove(task);
        TreeSet<Long> target = new TreeSet<>(tasks(to));
        target.add(task);
        writeTasks(from, source);
        writeTasks(to, target);
    }

    @Override
    public void editControllers(String file, String edits) throws IOException {
        TreeSet<String> enabled = new TreeSet<>(List.of(ValueFormat.CONTROLLERS.effective(sysroot.read(file).orElse("")).split(" ")));
        enabled.remove("");
        for (String edit : edits.strip().split("\\s+")) {
            if (edit.startsWith("+")) {
                enabled.add(edit.substring(1));
            } else if (edit.startsWith("-")) {
                enabled.remove(edit.substring(1));
            } else if (!edit.isEmpty()) {
                throw new IOException(file + ": Invalid argument ('" + edit + "' has no + or -)");
            }
        }
        Files.writeString(sysroot.resolve(file), String.join(" ", enabled) + "\n");
    }

    private void writeTasks(String cgroup, TreeSet<Long> ids) throws IOException {
        Files.writeString(sysroot.resolve(CgroupFs.tasksFile(sysroot, cgroup)), ids.stream().map(id -> id + "\n").collect(Collectors.joining()));
    }
}
