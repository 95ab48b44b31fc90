package dev.asios.tune.tunable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.CrashTree;
import dev.asios.tune.apply.EmulatedCgroupFs;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.HostOperations;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.profile.Profile;
import dev.asios.tune.profile.ProfileLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every tunable keeps, on a recorded two-node host and a profile that sets
 * everything: it plans at least one change, each change applies and reads back as desired, and a
 * rollback brings every file back to its original value. A tunable left out of the profile plans
 * nothing.
 */
class TunableContractTest {

    private static final String CPU = "/sys/devices/system/cpu";
    private static final String NVME = "/sys/devices/pci0000:00/0000:00:02.0";

    @TempDir
    Path tmp;

    static Stream<String> tunables() {
        return Planner.builtIn().tunables().stream().map(Tunable::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tunables")
    void plansAppliesVerifiesAndRollsBack(String id) throws Exception {
        Path root = tmp.resolve("root");
        writeHost(new SysfsTree(root));
        Sysroot sysroot = Sysroot.of(root);
        HostSnapshot host = new HostInspector(sysroot).inspect();
        Tunable tunable = Planner.builtIn().tunables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();

        Plan plan = new Planner(List.of(tunable)).plan(everything(), host, sysroot);
        assertThat(plan.skipped()).as("skipped").isEmpty();
        assertThat(plan.pending()).as("pending changes").isNotEmpty();

        Path journal = tmp.resolve("journal");
        Map<String, String> before = CrashTree.snapshot(root);
        HostOperations operations = EmulatedCgroupFs.operations(sysroot);
        List<Outcome> applied = new PlanExecutor(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).apply(plan);
        assertThat(applied).allSatisfy(o -> assertThat(o.error()).as(o.path()).isEmpty());
        for (Change change : plan.pending()) {
            assertThat(operations.state(change.operation(), change.path(), change.format(), change.desired()))
                    .as(change.path()).hasValueSatisfying(state -> assertThat(change.format().shows(state, change.desired())).isTrue());
        }
        assertThat(new Rollback(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).run()).allMatch(Outcome::ok);
        Map<String, String> after = CrashTree.snapshot(root);
        for (Change change : plan.pending()) {
            switch (change.operation()) {
                case WRITE -> {
                    if (before.containsKey(relative(change.path()))) {
                        assertThat(change.format().effective(sysroot.read(change.path()).orElseThrow())).as(change.path()).isEqualTo(change.current());
                    } else {
                        assertThat(after).as("made by the apply, gone after rollback").doesNotContainKey(relative(change.path()));
                    }
                }
                case CREATE_CGROUP -> assertThat(after).doesNotContainKey(relative(change.path()));
                case MOVE_TASKS -> assertThat(after.get(relative(change.desired() + "/tasks"))).isEqualTo(before.get(relative(change.desired() + "/tasks")));
                case WRITE_FILE -> assertThat(after.get(relative(change.path()))).as(change.path()).isEqualTo(before.get(relative(change.path())));
                case HOLD_OPEN -> assertThat(operations.state(change.operation(), change.path(), change.format(), change.desired()))
                        .as("no holder left").contains(Operation.NOT_HELD);
            }
        }
    }

    private static String relative(String hostPath) {
        return hostPath.substring(1);
    }

    @Test
    void pinsADeviceIrqToTheHousekeepingCpusOfItsNode() throws Exception {
        Path root = tmp.resolve("root");
        writeHost(new SysfsTree(root));
        Sysroot sysroot = Sysroot.of(root);
        Plan plan = new Planner(List.of(new IrqSteeringTunable())).plan(everything(), new HostInspector(sysroot).inspect(), sysroot);
        assertThat(plan.changes()).filteredOn(c -> c.path().equals("/proc/irq/40/smp_affinity_list"))
                .singleElement().satisfies(c -> assertThat(c.desired()).as("node 1 is CPUs 2-3, CPU 3 isolated").isEqualTo("2"));
    }

    @Test
    void theBalancedProfileChangesNothing() {
        Path root = tmp.resolve("root");
        writeHost(new SysfsTree(root));
        Sysroot sysroot = Sysroot.of(root);
        Profile balanced = new ProfileLoader(tmp.resolve("none")).load("balanced");
        Plan plan = Planner.builtIn().plan(balanced, new HostInspector(sysroot).inspect(), sysroot);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.skipped()).isEmpty();
    }

    private Profile everything() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("profiles"));
        Files.writeString(dir.resolve("everything.yaml"), """
                name: everything
                description: every setting, for the tunable contract test
                cpu:
                  isolate: auto
                  governor: performance
                  energyPerformancePreference: performance
                  boost: true
                  maxCstateLatencyUs: 10
                memory:
                  thp: madvise
                  thpDefrag: defer
                  khugepagedDefrag: true
                  numaBalancing: false
                  swappiness: 1
                  zoneReclaimMode: 0
                  hugepages: [{sizeKib: 2048, perNode: 64}]
                  minFreeKbytes: 131072
                  dirtyRatio: 10
                  dirtyBackgroundRatio: 5
                irq:
                  steerOffIsolated: true
                  pinDevicesToLocalNode: true
                  irqbalanceBanIsolated: true
                noise:
                  workqueueOffIsolated: true
                  timerMigration: false
                  statIntervalSeconds: 10
                  nmiWatchdog: false
                  rtThrottling: false
                  ksm: false
                  holdCpuDmaLatencyUs: 10
                io:
                  nvmeScheduler: none
                  rotationalScheduler: mq-deadline
                  readAheadKib: 4096
                  nrRequests: 256
                network:
                  busyPollUs: 50
                  socketBufferBytes: 16777216
                  rpsOffIsolated: true
                """);
        return new ProfileLoader(dir).load("everything");
    }

    /** Two NUMA nodes of two CPUs, with every file a tunable reads, all at values the profile changes. */
    private static void writeHost(SysfsTree tree) {
        tree.file(CPU + "/online", "0-3\n").file("/sys/devices/system/node/online", "0-1\n");
        for (int cpu = 0; cpu < 4; cpu++) {
            String topo = CPU + "/cpu" + cpu + "/topology/";
            tree.file(topo + "core_cpus", Integer.toHexString(1 << cpu) + "\n").file(topo + "package_cpus", cpu < 2 ? "3\n" : "c\n")
                    .file(CPU + "/cpu" + cpu + "/cpufreq/scaling_governor", "powersave\n")
                    .file(CPU + "/cpu" + cpu + "/cpufreq/energy_performance_preference", "balance_power\n");
            for (int state = 0; state < 3; state++) {
                String dir = CPU + "/cpu" + cpu + "/cpuidle/state" + state;
                tree.file(dir + "/name", new String[] {"POLL", "C1", "C6"}[state] + "\n")
                        .file(dir + "/latency", new String[] {"0", "2", "170"}[state] + "\n").file(dir + "/disable", "0\n");
            }
        }
        tree.link("/dev/cpu_dma_latency", "/dev/null");
        tree.file(CPU + "/cpufreq/boost", "0\n").file(CPU + "/cpuidle/current_driver", "intel_idle\n");
        for (int node = 0; node < 2; node++) {
            String dir = "/sys/devices/system/node/node" + node;
            tree.file(dir + "/cpumap", node == 0 ? "3\n" : "c\n").file(dir + "/meminfo", "Node " + node + " MemTotal: 1048576 kB\n")
                    .file(dir + "/hugepages/hugepages-2048kB/nr_hugepages", "0\n");
        }
        String mm = "/sys/kernel/mm/transparent_hugepage/";
        tree.file(mm + "enabled", "[always] madvise never\n").file(mm + "defrag", "[always] defer defer+madvise madvise never\n")
                .file(mm + "khugepaged/defrag", "0\n").file("/sys/kernel/mm/ksm/run", "1\n");
        String[][] sysctls = {
            {"kernel/numa_balancing", "1"}, {"vm/swappiness", "60"}, {"vm/zone_reclaim_mode", "1"}, {"vm/min_free_kbytes", "67584"},
            {"vm/dirty_ratio", "20"}, {"vm/dirty_background_ratio", "10"}, {"kernel/timer_migration", "1"}, {"vm/stat_interval", "1"},
            {"kernel/nmi_watchdog", "1"}, {"kernel/sched_rt_runtime_us", "950000"}, {"net/core/busy_poll", "0"},
            {"net/core/busy_read", "0"}, {"net/core/rmem_max", "212992"}, {"net/core/wmem_max", "212992"}};
        for (String[] sysctl : sysctls) {
            tree.file("/proc/sys/" + sysctl[0], sysctl[1] + "\n");
        }
        blockDevice(tree, "nvme0n1", "0", "[mq-deadline] none\n");
        tree.file(NVME + "/class", "0x010802\n").file(NVME + "/numa_node", "1\n").file(NVME + "/msi_irqs/40", "msix\n")
                .link("/sys/bus/pci/devices/0000:00:02.0", "../../../devices/pci0000:00/0000:00:02.0");
        blockDevice(tree, "sda", "1", "[bfq] mq-deadline none\n");
        tree.file("/proc/interrupts", "           CPU0       CPU1       CPU2       CPU3\n 40:  1  2  3  4  PCI-MSI 0-edge  nvme0q0\n")
                .file("/proc/irq/40/smp_affinity_list", "0-3\n").file("/proc/irq/40/effective_affinity_list", "3\n")
                .file("/proc/irq/default_smp_affinity", "0000000f\n").file("/sys/devices/virtual/workqueue/cpumask", "0000000f\n");
        String nic = "/sys/devices/pci0000:00/0000:00:04.0/net/eth0/queues/";
        tree.file(nic + "rx-0/rps_cpus", "0000000f\n").file(nic + "rx-1/rps_cpus", "00000000\n").file(nic + "tx-0/xps_cpus", "0000000a\n")
                .link("/sys/class/net/eth0", "../../devices/pci0000:00/0000:00:04.0/net/eth0");
        tree.file("/proc/self/mountinfo", "30 25 0:26 / /sys/fs/cgroup/cpuset rw,relatime shared:9 - cgroup cgroup rw,cpuset\n")
                .file("/sys/fs/cgroup/cpuset/cpuset.cpus", "0-3\n").file("/sys/fs/cgroup/cpuset/cpuset.mems", "0-1\n")
                .file("/sys/fs/cgroup/cpuset/cpuset.cpu_exclusive", "1\n").file("/sys/fs/cgroup/cpuset/cpuset.sched_load_balance", "1\n")
                .file("/sys/fs/cgroup/cpuset/tasks", "1\n2\n14\n").file("/sys/fs/cgroup/cpuset/docker/cpuset.cpus", "2-3\n")
                .file("/sys/fs/cgroup/cpuset/docker/cpuset.mems", "1\n").file("/sys/fs/cgroup/cpuset/docker/tasks", "")
                .file("/proc/1/stat", "1 (init) S 0 1 1 0 -1 4194560 0 0\n").file("/proc/2/stat", "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0\n")
                .file("/proc/14/stat", "14 (ksoftirqd/0) S 2 0 0 0 -1 69238848 0 0\n");
        tree.file("/etc/default/irqbalance", "#IRQBALANCE_ONESHOT=\n#IRQBALANCE_BANNED_CPULIST=\nOPTIONS=\"\"\n");
    }

    private static void blockDevice(SysfsTree tree, String name, String rotational, String scheduler) {
        String dir = "/sys/devices/pci0000:00/0000:00:0" + (rotational.equals("0") ? "2" : "3") + ".0/block/" + name;
        tree.file(dir + "/size", "1000000\n").file(dir + "/queue/rotational", rotational + "\n").file(dir + "/queue/scheduler", scheduler)
                .file(dir + "/queue/read_ahead_kb", "128\n").file(dir + "/queue/nr_requests", "64\n")
                .link("/sys/block/" + name, "../devices/pci0000:00/0000:00:0" + (rotational.equals("0") ? "2" : "3") + ".0/block/" + name);
    }
}
