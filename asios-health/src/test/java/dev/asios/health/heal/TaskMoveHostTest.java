package dev.asios.health.heal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asios.health.rules.ForeignTasks;
import dev.asios.health.rules.TaskScanner;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sys.Affinity;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.apply.TuneStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moves a child process's thread off a CPU taken as isolated on this host, for real, and rolls
 * it back: once by its affinity alone, once out of a cpuset that allows only that CPU (a cgroup v1
 * cpuset made for the test, removed after). The child is killed and the cpuset removed whatever
 * happens.
 */
@Tag("host")
class TaskMoveHostTest {

    private static final String CPUSET_MOUNT = "/sys/fs/cgroup/cpuset";
    private static final Sysroot HOST = Sysroot.host();

    @TempDir
    Path state;

    @Test
    void aThreadAllowedOnlyOnTheIsolatedCpuGetsTheHousekeepingOnesAndRollbackGivesItBack() throws Exception {
        CpuSet online = Affinity.ofCurrentThread();
        assumeTrue(online.size() >= 2, "needs two CPUs");
        CpuSet isolated = CpuSet.of(online.stream().max().orElseThrow());
        Process child = new ProcessBuilder("sleep", "300").start();
        try {
            Affinity.setTask(child.pid(), isolated);
            Remediation move = remediations(List.of()).moveTaskOffIsolated(child.pid(), child.pid(), isolated, online.andNot(isolated)).orElseThrow();
            RemediationResult result = move.apply();

            assertThat(result.problems()).isEmpty();
            assertThat(Affinity.ofTask(child.pid())).isEqualTo(online.andNot(isolated));
            assertThat(TuneStatus.read(HOST, journal()).files()).singleElement().satisfies(f -> assertThat(f.drifted()).isFalse());
            assertThat(rollback()).singleElement().satisfies(o -> assertThat(o.ok()).isTrue());
            assertThat(Affinity.ofTask(child.pid())).isEqualTo(isolated);
        } finally {
            child.destroyForcibly().waitFor();
            rollback();
        }
    }

    @Test
    void aThreadInACpusetOfTheIsolatedCpuLeavesItAndRollbackPutsItBack() throws Exception {
        CpuSet online = Affinity.ofCurrentThread();
        assumeTrue(online.size() >= 2 && HOST.exists(CPUSET_MOUNT + "/tasks"), "needs two CPUs and a cgroup v1 cpuset hierarchy");
        CpuSet isolated = CpuSet.of(online.stream().max().orElseThrow());
        Path cpuset = Path.of(CPUSET_MOUNT, "asios-heal-test");
        Files.createDirectory(cpuset);
        Process child = null;
        try {
            Files.writeString(cpuset.resolve("cpuset.cpus"), isolated.toList());
            Files.writeString(cpuset.resolve("cpuset.mems"), Files.readString(Path.of(CPUSET_MOUNT, "cpuset.mems")).strip());
            child = new ProcessBuilder("sleep", "300").start();
            Files.writeString(cpuset.resolve("tasks"), Long.toString(child.pid()));
            assertThat(Affinity.ofTask(child.pid())).isEqualTo(isolated);

            Remediation move = remediations(List.of(cpuset.toString())).moveTaskOffIsolated(child.pid(), child.pid(), isolated, online.andNot(isolated))
                    .orElseThrow();
            assertThat(move.describe()).contains(isolated.toList() + " in " + cpuset + " -> " + online.andNot(isolated).toList() + " in " + CPUSET_MOUNT + " (");
            assertThat(move.apply().problems()).isEmpty();
            assertThat(Affinity.ofTask(child.pid())).isEqualTo(online.andNot(isolated));
            assertThat(Files.readString(cpuset.resolve("tasks"))).doesNotContain(Long.toString(child.pid()));

            assertThat(rollback()).singleElement().satisfies(o -> assertThat(o.ok()).isTrue());
            assertThat(Files.readString(cpuset.resolve("tasks")).lines()).contains(Long.toString(child.pid()));
            assertThat(Affinity.ofTask(child.pid())).isEqualTo(isolated);
        } finally {
            if (child != null) {
                child.destroyForcibly().waitFor();
            }
            rollback();
            Files.delete(cpuset);
        }
    }

    private Remediations remediations(List<String> isolatedCpusets) {
        return new Remediations(HOST, journal(), state, Clock.systemUTC(),
                new IsolatedTasks(new ForeignTasks(new TaskScanner(HOST), Set::of), isolatedCpusets));
    }

    private List<Outcome> rollback() {
        return new Rollback(HOST, journal(), Clock.systemUTC(), ExecutionListener.NONE).run();
    }

    private Path journal() {
        return state.resolve("tune");
    }
}
