package dev.asios.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asios.cli.CliRun;
import dev.asios.cli.Privileges;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.CgroupLayout;
import dev.asios.run.launch.RunCgroup;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunState;
import dev.asios.run.store.RunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asios run} on this host as root: exit codes, signals, and no cgroup left behind after
 * any kill (the child, {@code asios}, or both with SIGKILL). Runs of a second JVM stand for the
 * {@code asios} a user starts. The runs' parent cgroups are removed again when the test made them.
 */
@Tag("host")
class RunHostTest {

    private static final Sysroot HOST = Sysroot.host();

    @TempDir
    Path state;

    private CgroupLayout layout;
    private RunParents parents;

    @BeforeEach
    void root() {
        assumeTrue(Privileges.root(), "needs root");
        layout = CgroupLayout.of(new HostInspector(HOST).inspect().kernel().cgroups().orElseThrow());
        parents = RunParents.before(HOST);
    }

    @AfterEach
    void leaveTheHostAsItWas() throws Exception {
        if (parents != null) {
            parents.restore(state.resolve("scratch"));
        }
    }

    @Test
    void returnsTheCommandsExitCodeAndRemovesItsCgroup() throws Exception {
        CliRun run = CliRun.of("run", "--state", state.toString(), "--cpus", "1", "--pids-max", "64", "--", "sh", "-c", "exit 7");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(7);
        assertThat(run.err()).contains("exit 7", "ran only on its CPUs");
        assertThat(runFolders()).isEmpty();
        try (RunStore store = RunStore.open(state)) {
            RunRecord record = store.list(1).getFirst();
            assertThat(record.state()).isEqualTo(RunState.EXITED);
            assertThat(record.exitCode()).hasValue(7);
            assertThat(record.report()).hasValueSatisfying(r -> assertThat(r).contains("\"exitCode\":7"));
        }
    }

    @Test
    void rtRunsTheCommandSchedFifoAtThePriorityGiven() {
        CliRun run = CliRun.of("run", "--state", state.toString(), "--rt", "5", "--cpus", "1", "--",
                "sh", "-c", "set -- $(sed 's/.*) //' /proc/self/stat); [ \"${38}\" = 5 ] && [ \"${39}\" = 1 ]");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(runFolders()).isEmpty();
    }

    @Test
    void mlockLocksTheCommandsMemory() {
        CliRun run = CliRun.of("run", "--state", state.toString(), "--mlock", "--cpus", "1", "--",
                "sh", "-c", "grep -q 'VmLck:[[:space:]]*[1-9]' /proc/self/status");

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void aChildKilledWithSigkillEndsTheRunWith137AndNoCgroup() throws Exception {
        Process asios = asios("sh", "-c", "kill -9 $$");

        assertThat(asios.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(asios.exitValue()).isEqualTo(137);
        assertThat(runFolders()).isEmpty();
    }

    @Test
    void sigtermToAsiosReachesTheCommandWhoseExitCodeComesBack() throws Exception {
        Process asios = asios("sh", "-c", "trap 'exit 42' TERM; while :; do sleep 0.05; done");
        awaitRunWithTasks();

        asios.toHandle().destroy();

        assertThat(asios.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(asios.exitValue()).isEqualTo(42);
        assertThat(runFolders()).isEmpty();
    }

    @Test
    void killingAsiosAndTheCommandLeavesNothingAfterTheNextGc() throws Exception {
        Process asios = asios("sleep", "600");
        Map<String, String> folders = awaitRunWithTasks();
        List<Long> tasks = RunCgroup.existing(HOST, List.copyOf(folders.keySet()), layout).tasks();

        asios.toHandle().destroyForcibly();
        tasks.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        asios.waitFor(30, TimeUnit.SECONDS);
        assertThat(runFolders()).as("left by the kill").isNotEmpty();

        CliRun gc = CliRun.of("runs", "--gc", "--state", state.toString());

        assertThat(gc.exitCode()).as(gc.out() + gc.err()).isZero();
        assertThat(runFolders()).isEmpty();
        try (RunStore store = RunStore.open(state)) {
            assertThat(store.list(1).getFirst().state()).isEqualTo(RunState.ABANDONED);
        }
    }

    @Test
    void killingOnlyAsiosLeavesACommandThatTheNextRunCleansUp() throws Exception {
        Process asios = asios("sleep", "600");
        Map<String, String> folders = awaitRunWithTasks();
        List<Long> tasks = RunCgroup.existing(HOST, List.copyOf(folders.keySet()), layout).tasks();

        asios.toHandle().destroyForcibly();
        asios.waitFor(30, TimeUnit.SECONDS);
        assertThat(tasks).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).as("the orphaned command runs on").isPresent());

        CliRun next = CliRun.of("run", "--state", state.toString(), "--", "true");

        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.err()).contains("cleaned up after run");
        assertThat(tasks).allSatisfy(pid -> assertThat(ended(pid)).as("task " + pid + " ended").isTrue());
        assertThat(runFolders()).isEmpty();
    }

    /** Starts {@code asios run --state STATE -- COMMAND} in a second JVM. */
    private Process asios(String... command) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.asios.cli.AsiosCommand", "run", "--state", state.toString(), "--cpus", "1", "--"));
        argv.addAll(List.of(command));
        return new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Waits until a run's cgroup exists with its command in it. */
    private Map<String, String> awaitRunWithTasks() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Map<String, String> folders = runFolders();
            if (!folders.isEmpty() && !RunCgroup.existing(HOST, List.copyOf(folders.keySet()), layout).tasks().isEmpty()) {
                Thread.sleep(200);
                return folders;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no run cgroup with a task appeared");
    }

    /** True when the task is gone or a zombie (dead, waiting for the parent it was given to reap it). */
    private static boolean ended(long pid) {
        return HOST.read("/proc/" + pid + "/stat").map(dev.asios.host.kernel.TaskStat::parse).map(s -> s.state() == 'Z').orElse(true);
    }

    private Map<String, String> runFolders() {
        return RunCgroup.findRuns(HOST, layout);
    }
}
