package dev.asios.tune.apply;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.tune.plan.Change;
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

/** A small recorded tree with a plan of five changes over it, for the crash tests. */
final class CrashTree {

    static final List<Change> CHANGES = List.of(
            change("/proc/sys/vm/swappiness", ValueFormat.PLAIN, "60", "10"),
            change("/proc/sys/kernel/numa_balancing", ValueFormat.PLAIN, "1", "0"),
            change("/sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages", ValueFormat.PLAIN, "0", "512"),
            change("/sys/devices/virtual/workqueue/cpumask", ValueFormat.CPU_MASK, "0000000f", "00000001"),
            change("/sys/block/nvme0n1/queue/read_ahead_kb", ValueFormat.PLAIN, "128", "4096"));

    private CrashTree() {
    }

    /** Writes the original files under {@code root}. */
    static void write(Path root) {
        SysfsTree tree = new SysfsTree(root);
        for (Change change : CHANGES) {
            tree.file(change.path(), change.current() + "\n");
        }
    }

    static Plan plan() {
        return new Plan("crash-test", CHANGES, List.of());
    }

    /** Every file under {@code root} with its bytes, for byte-for-byte comparison. */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
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
