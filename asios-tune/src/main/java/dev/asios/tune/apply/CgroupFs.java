package dev.asios.tune.apply;

import dev.asios.host.sysroot.Sysroot;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Cgroup folders and their tasks. On a host this is the kernel's cgroupfs ({@link #kernel}):
 * {@code mkdir} makes a cgroup with its control files, and writing a task id into a cgroup takes
 * the task out of the one it was in. A recorded tree has plain files that no kernel keeps in
 * step, so tests use an emulation of these rules.
 */
public interface CgroupFs {

    /** Makes the cgroup folder {@code cgroup} with its control files. */
    void create(String cgroup) throws IOException;

    /** Removes the cgroup folder {@code cgroup}, which has no tasks and no children left. */
    void remove(String cgroup) throws IOException;

    /** The task ids in the cgroup folder {@code cgroup} ({@code tasks} on v1, {@code cgroup.procs} on v2); empty when none or unreadable. */
    List<Long> tasks(String cgroup);

    /**
     * Moves {@code task} from the cgroup {@code from} to the cgroup {@code to}.
     *
     * @throws IOException if the kernel refuses (the task is gone, or it is pinned)
     */
    void move(long task, String from, String to) throws IOException;

    /**
     * Changes the controllers a cgroup v2 folder enables for its children: {@code edits} such as
     * {@code +cpuset -io} written to its {@code cgroup.subtree_control} file {@code file}.
     *
     * @throws IOException if the kernel refuses
     */
    void editControllers(String file, String edits) throws IOException;

    /** The file of a cgroup folder that lists its tasks and takes tasks moved into it. */
    static String tasksFile(Sysroot sysroot, String cgroup) {
        return sysroot.exists(cgroup + "/tasks") ? cgroup + "/tasks" : cgroup + "/cgroup.procs";
    }

    /** The kernel's cgroupfs, through {@code sysroot}. */
    static CgroupFs kernel(Sysroot sysroot) {
        return new CgroupFs() {
            @Override
            public void create(String cgroup) throws IOException {
                sysroot.createDirectory(cgroup);
            }

            @Override
            public void remove(String cgroup) throws IOException {
                sysroot.removeDirectory(cgroup);
            }

            @Override
            public List<Long> tasks(String cgroup) {
                return sysroot.read(tasksFile(sysroot, cgroup)).map(CgroupFs::parseTasks).orElse(List.of());
            }

            @Override
            public void move(long task, String from, String to) throws IOException {
                sysroot.write(tasksFile(sysroot, to), task + "\n");
            }

            @Override
            public void editControllers(String file, String edits) throws IOException {
                sysroot.write(file, edits + "\n");
            }
        };
    }

    // Format of tasks and cgroup.procs: one decimal id per line
    /** The ids of a {@code tasks} file; lines that are not ids are left out. */
    static List<Long> parseTasks(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip)
                .filter(line -> !line.isEmpty() && line.length() < 19 && line.chars().allMatch(Character::isDigit))
                .map(Long::parseLong).toList();
    }
}
