package dev.asios.tune.tunable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.HostOperations;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.apply.TuneStatus;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.profile.ProfileLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies the built-in {@code inference} profile to this machine as root, verifies it (drift,
 * init off the isolated CPUs, IRQ default affinity and workqueue mask, the kernel's CPU latency
 * request held), rolls it back, and checks
 * every setting is as before, cgroups gone and init's CPUs as they were. The rollback runs in {@code finally}, so a failing
 * assertion still leaves the host as it was.
 */
@Tag("host")
class HostRoundTripTest {

    @TempDir
    Path journal;

    @Test
    void inferenceAppliesVerifiesAndRollsBackToTheSameHost() {
        Sysroot sysroot = Sysroot.host();
        assumeTrue(sysroot.readTrimmed("/proc/self/status").map(s -> s.contains("\nUid:\t0\t0")).orElse(false), "needs root");
        HostSnapshot host = new HostInspector(sysroot).inspect();
        Plan plan = Planner.builtIn().plan(new ProfileLoader(journal.resolve("no-user-profiles")).load("inference"), host, sysroot);
        HostOperations operations = HostOperations.of(sysroot);
        CpuSet isolated = new ProfileLoader(journal.resolve("no-user-profiles")).load("inference").isolatedCpus(host.cpu(), host.numa()).orElseThrow();
        Map<String, String> before = states(operations, plan.changes());
        String initCpusBefore = allowedCpus(sysroot, 1);
        int latencyBefore = cpuLatencyUs(sysroot);
        try {
            List<Outcome> applied = new PlanExecutor(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).apply(plan);
            assertThat(applied).isNotEmpty();
            assertThat(applied.stream().filter(Outcome::ok).count()).as("most settings apply on this host").isGreaterThan(applied.size() / 2);
            assertThat(TuneStatus.read(operations, journal).drifted()).isEmpty();
            assertThat(TuneStatus.read(operations, journal).profiles()).containsExactly("inference");
            assertThat(CpuSet.parseList(allowedCpus(sysroot, 1)).intersects(isolated)).as("init runs off the isolated CPUs").isFalse();
            assertThat(sysroot.read("/proc/irq/default_smp_affinity").map(CpuSet::parseMask).orElseThrow().intersects(isolated)).isFalse();
            assertThat(sysroot.read("/sys/devices/virtual/workqueue/cpumask").map(CpuSet::parseMask).orElseThrow().intersects(isolated)).isFalse();
            assertThat(cpuLatencyUs(sysroot)).as("the kernel's CPU latency request while held").isLessThanOrEqualTo(10);
        } finally {
            List<Outcome> restored = new Rollback(operations, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
            assertThat(restored).allMatch(Outcome::ok);
        }
        assertThat(states(operations, plan.changes())).isEqualTo(before);
        assertThat(allowedCpus(sysroot, 1)).isEqualTo(initCpusBefore);
        assertThat(cpuLatencyUs(sysroot)).isEqualTo(latencyBefore);
    }

    // Format of /dev/cpu_dma_latency on read: the current limit, a native-endian s32 in microseconds
    private static int cpuLatencyUs(Sysroot sysroot) {
        byte[] bytes = sysroot.readBytes("/dev/cpu_dma_latency").orElseThrow();
        return java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.nativeOrder()).getInt();
    }

    /**
     * The state of every change's path, by journal key; a task move is left out (tasks come and go
     * while the tests run): init's CPUs and the cgroups being gone show that it is undone.
     */
    private static Map<String, String> states(HostOperations operations, List<Change> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change.operation() != Operation.MOVE_TASKS) {
                values.put(change.key(), operations.state(change.operation(), change.path(), change.format(), change.desired()).orElse("(missing)"));
            }
        }
        return values;
    }

    // Format of /proc/PID/status: "Cpus_allowed_list:\t0-1"
    private static String allowedCpus(Sysroot sysroot, int pid) {
        return sysroot.read("/proc/" + pid + "/status").flatMap(status -> status.lines()
                .filter(line -> line.startsWith("Cpus_allowed_list:")).map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst())
                .orElseThrow();
    }
}
