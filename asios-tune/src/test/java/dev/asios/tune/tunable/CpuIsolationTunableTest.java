package dev.asios.tune.tunable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.CrashTree;
import dev.asios.tune.apply.EmulatedCgroupFs;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.HostOperations;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.apply.TuneStatus;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPU isolation with cpusets on four-CPU hosts that isolate CPUs 2-3: cgroup v1, cgroup v2, and neither. */
class CpuIsolationTunableTest {

    private static final String V1 = "/sys/fs/cgroup/cpuset";

    @TempDir
    Path tmp;

    @Test
    void cgroupV1MovesTasksToAHousekeepingCpusetAndBackOnRollback() throws IOException {
        SysfsTree tree = host("30 25 0:26 / " + V1 + " rw,relatime shared:9 - cgroup cgroup rw,cpuset\n", "6.1.0");
        tree.file(V1 + "/cpuset.cpus", "0-3\n").file(V1 + "/cpuset.mems", "0\n").file(V1 + "/cpuset.cpu_exclusive", "1\n")
                .file(V1 + "/cpuset.sched_load_balance", "1\n").file(V1 + "/tasks", "1\n2\n14\n300\n")
                .file(V1 + "/docker/cpuset.cpus", "0-3\n").file(V1 + "/docker/tasks", "").file(V1 + "/docker/app/cpuset.cpus", "1-2\n")
                .file(V1 + "/docker/app/tasks", "")
                .file("/proc/1/stat", "1 (systemd) S 0 1 1 0 -1 4194560 0 0\n").file("/proc/2/stat", "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0\n")
                .file("/proc/14/stat", "14 (ksoftirqd/0) S 2 0 0 0 -1 69238848 0 0\n")
                .file("/proc/300/stat", "300 (rcu_preempt) I 2 0 0 0 -1 2129984 0 0\n");
        Sysroot sysroot = tree.sysroot();
        Plan plan = plan(sysroot);

        assertThat(plan.changes()).extracting(c -> c.operation() + " " + c.path().replace(V1, "") + " " + c.desired().replace(V1, "$")).containsExactly(
                "CREATE_CGROUP /asios-housekeeping present",
                "WRITE /asios-housekeeping/cpuset.cpus 0-1",
                "WRITE /asios-housekeeping/cpuset.mems 0",
                "WRITE /docker/app/cpuset.cpus 1",
                "WRITE /docker/cpuset.cpus 0-1",
                "MOVE_TASKS /asios-housekeeping $",
                "CREATE_CGROUP /asios-isolated present",
                "WRITE /asios-isolated/cpuset.cpus 2-3",
                "WRITE /asios-isolated/cpuset.mems 0",
                "WRITE /asios-isolated/cpuset.cpu_exclusive 1",
                "WRITE /asios-isolated/cpuset.sched_load_balance 0",
                "WRITE /cpuset.sched_load_balance 0");

        Map<String, String> before = CrashTree.snapshot(tmp.resolve("root"));
        HostOperations operations = EmulatedCgroupFs.operations(sysroot);
        Path journal = tmp.resolve("journal");
        assertThat(new PlanExecutor(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).apply(plan)).allMatch(Outcome::ok);
        assertThat(sysroot.read(V1 + "/tasks")).as("kthreadd and a per-CPU kernel thread stay").hasValue("2\n14\n");
        assertThat(sysroot.read(V1 + "/asios-housekeeping/tasks")).hasValue("1\n300\n");
        assertThat(TuneStatus.read(operations, journal).drifted()).isEmpty();

        tree.file(V1 + "/tasks", "2\n14\n1234\n").file("/proc/1234/stat", "1234 (sshd) S 1 1234 1234 0 -1 4194560 0 0\n");
        assertThat(TuneStatus.read(operations, journal).drifted()).singleElement()
                .satisfies(f -> assertThat(f.current()).hasValue("1 movable tasks in " + V1));
        tree.file(V1 + "/tasks", "2\n14\n").file(V1 + "/asios-housekeeping/tasks", "1\n300\n1234\n");
        tree.file(V1 + "/asios-isolated/tasks", "4242\n").file("/proc/4242/stat", "4242 (server) R 1 4242 4242 0 -1 4194304 0 0\n");

        assertThat(new Rollback(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).run()).allMatch(Outcome::ok);
        Map<String, String> after = CrashTree.snapshot(tmp.resolve("root"));
        assertThat(after).containsEntry("sys/fs/cgroup/cpuset/tasks", "1\n2\n14\n300\n1234\n4242\n")
                .doesNotContainKeys("sys/fs/cgroup/cpuset/asios-housekeeping", "sys/fs/cgroup/cpuset/asios-isolated");
        after.remove("sys/fs/cgroup/cpuset/tasks");
        before.remove("sys/fs/cgroup/cpuset/tasks");
        after.keySet().removeIf(k -> k.startsWith("proc/"));
        before.keySet().removeIf(k -> k.startsWith("proc/"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void cgroupV2MakesAnIsolatedPartition() throws IOException {
        String v2 = "/sys/fs/cgroup";
        SysfsTree tree = host("35 24 0:30 / " + v2 + " rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw\n", "6.8.0");
        tree.file(v2 + "/cgroup.controllers", "cpuset cpu io memory pids\n").file(v2 + "/cgroup.subtree_control", "cpu memory\n")
                .file(v2 + "/cgroup.procs", "1\n").file(v2 + "/cpuset.cpus.effective", "0-3\n");
        Sysroot sysroot = tree.sysroot();
        Plan plan = plan(sysroot);

        assertThat(plan.changes()).extracting(c -> c.operation() + " " + c.path() + " " + c.desired()).containsExactly(
                "WRITE /sys/fs/cgroup/cgroup.subtree_control cpu cpuset memory",
                "CREATE_CGROUP /sys/fs/cgroup/asios-isolated present",
                "WRITE /sys/fs/cgroup/asios-isolated/cpuset.cpus 2-3",
                "WRITE /sys/fs/cgroup/asios-isolated/cpuset.cpus.partition isolated");

        Map<String, String> before = CrashTree.snapshot(tmp.resolve("root"));
        HostOperations operations = EmulatedCgroupFs.operations(sysroot);
        Path journal = tmp.resolve("journal");
        assertThat(new PlanExecutor(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).apply(plan)).allMatch(Outcome::ok);
        assertThat(sysroot.read(v2 + "/cgroup.subtree_control")).hasValue("cpu cpuset memory\n");
        assertThat(sysroot.read(v2 + "/asios-isolated/cpuset.cpus.partition")).hasValue("isolated\n");

        assertThat(new Rollback(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).run()).allMatch(Outcome::ok);
        assertThat(CrashTree.snapshot(tmp.resolve("root"))).isEqualTo(before);
    }

    @Test
    void aPartitionTheKernelMarksInvalidIsPlannedAgainWithTheKernelsReason() throws IOException {
        String v2 = "/sys/fs/cgroup";
        SysfsTree tree = host("35 24 0:30 / " + v2 + " rw - cgroup2 cgroup2 rw\n", "6.8.0");
        tree.file(v2 + "/cgroup.controllers", "cpuset\n").file(v2 + "/cgroup.subtree_control", "cpuset\n")
                .file(v2 + "/asios-isolated/cpuset.cpus", "2-3\n").file(v2 + "/asios-isolated/cgroup.procs", "")
                .file(v2 + "/asios-isolated/cpuset.cpus.partition", "isolated invalid (Cpu list in cpuset.cpus not exclusive)\n");
        Plan plan = plan(tree.sysroot());
        assertThat(plan.pending()).singleElement().satisfies(c -> {
            assertThat(c.path()).endsWith("cpuset.cpus.partition");
            assertThat(c.current()).isEqualTo("isolated invalid (Cpu list in cpuset.cpus not exclusive)");
        });
    }

    @Test
    void withoutACpusetControllerItSaysWhy() throws IOException {
        SysfsTree tree = host("35 24 0:30 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n", "6.8.0");
        tree.file("/sys/fs/cgroup/cgroup.controllers", "cpu memory\n");
        Plan plan = plan(tree.sysroot());
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("no cpuset controller"));
    }

    @Test
    void olderKernelsHaveNoIsolatedPartitions() throws IOException {
        SysfsTree tree = host("35 24 0:30 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n", "5.15.0");
        tree.file("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu\n");
        assertThat(plan(tree.sysroot()).skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("6.1"));
    }

    /** The four-CPU host with the given mount table and kernel release. */
    private SysfsTree host(String mountinfo, String release) {
        return FourCpuHost.tree(tmp.resolve("root")).file("/proc/self/mountinfo", mountinfo).file("/proc/sys/kernel/osrelease", release + "\n");
    }

    private Plan plan(Sysroot sysroot) throws IOException {
        return FourCpuHost.plan(new CpuIsolationTunable(), sysroot, tmp.resolve("profiles"), "iso", """
                name: iso
                description: isolation only
                cpu:
                  isolate: "2-3"
                """);
    }
}
