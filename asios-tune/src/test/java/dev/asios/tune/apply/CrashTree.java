package dev.asios.tune.apply;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.tune.hold.DeviceHolder;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.plan.ValueFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small recorded tree with a plan over it that uses every operation, for the crash tests: five
 * kernel files, a configuration file rewritten and one created, a cgroup v1 cpuset made, filled
 * with the movable tasks of the root cpuset (two of its four tasks are kernel threads that stay)
 * and the root's load balancing turned off, and {@code /dev/cpu_dma_latency} held open by a real
 * holder process.
 */
public final class CrashTree {

    static final String CPUSET = "/sys/fs/cgroup/cpuset";
    static final String HOUSEKEEPING = CPUSET + "/asios-housekeeping";

    static final List<Change> CHANGES = List.of(
            change("/proc/sys/vm/swappiness", ValueFormat.PLAIN, "60", "10"),
            change("/proc/sys/kernel/numa_balancing", ValueFormat.PLAIN, "1", "0"),
            change("/sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages", ValueFormat.PLAIN, "0", "512"),
            change("/sys/devices/virtual/workqueue/cpumask", ValueFormat.CPU_MASK, "0000000f", "00000001"),
            change("/sys/block/nvme0n1/queue/read_ahead_kb", ValueFormat.PLAIN, "128", "4096"),
            new Change("test", Operation.CREATE_CGROUP, HOUSEKEEPING, ValueFormat.PLAIN, Operation.ABSENT, Operation.PRESENT, "crash test"),
            change(HOUSEKEEPING + "/cpuset.cpus", ValueFormat.CPU_LIST, "", "0"),
            new Change("test", Operation.MOVE_TASKS, HOUSEKEEPING, ValueFormat.PLAIN, "tasks in " + CPUSET, CPUSET, "crash test"),
            change(CPUSET + "/cpuset.sched_load_balance", ValueFormat.PLAIN, "1", "0"),
            new Change("test", Operation.WRITE_FILE, "/etc/default/irqbalance", ValueFormat.PLAIN, "#IRQBALANCE_ONESHOT=\nOPTIONS=\"\"\n",
                    "#IRQBALANCE_ONESHOT=\nOPTIONS=\"\"\nIRQBALANCE_BANNED_CPULIST=1-3\n", "crash test"),
            new Change("test", Operation.WRITE_FILE, "/etc/default/grub.d/99-asios-test.cfg", ValueFormat.PLAIN, Operation.ABSENT,
                    "GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT isolcpus=1-3\"\n", "crash test"),
            new Change("test", Operation.HOLD_OPEN, "/dev/cpu_dma_latency", ValueFormat.PLAIN, Operation.NOT_HELD, "0", "crash test"));

    private CrashTree() {
    }

    /** Writes the original files under {@code root}. */
    static void write(Path root) {
        SysfsTree tree = new SysfsTree(root);
        for (Change change : CHANGES) {
            if (change.operation() == Operation.WRITE && !change.path().startsWith(HOUSEKEEPING)) {
                tree.file(change.path(), change.current() + "\n");
            }
        }
        tree.file(CPUSET + "/cpuset.cpus", "0-3\n").file(CPUSET + "/cpuset.mems", "0\n").file(CPUSET + "/tasks", "1\n2\n14\n100\n")
                .file("/proc/1/stat", "1 (init) S 0 1 1 0 -1 4194560 0 0\n")
                .file("/proc/2/stat", "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0\n")
                .file("/proc/14/stat", "14 (ksoftirqd/0) S 2 0 0 0 -1 69238848 0 0\n")
                .file("/proc/100/stat", "100 (python3) R 1 100 100 0 -1 4194304 0 0\n")
                .file("/etc/default/irqbalance", CHANGES.get(CHANGES.size() - 3).current()).folder("/etc/default/grub.d")
                // The device writes nowhere; the holders' pid folder, like the journal's, stays after a rollback.
                .link("/dev/cpu_dma_latency", "/dev/null").folder(DeviceHolder.PID_FOLDER);
    }

    /** The holder processes of trees under {@code root} that are still alive. */
    public static List<ProcessHandle> holders(Path root) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(root.toString())).orElse(false))
                .toList();
    }

    static Plan plan() {
        return new Plan("crash-test", CHANGES, List.of());
    }

    /** Every file under {@code root} with its bytes, and every folder (as "/"), for byte-for-byte comparison. */
    public static Map<String, String> snapshot(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                files.put(root.relativize(p).toString(),
                        Files.isDirectory(p) ? "/" : new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Change change(String path, ValueFormat format, String current, String desired) {
        return new Change("test", path, format, current, desired, "crash test");
    }
}
