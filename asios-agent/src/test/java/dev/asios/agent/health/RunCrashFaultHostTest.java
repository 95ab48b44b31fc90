package dev.asios.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.agent.Agent;
import dev.asios.agent.AgentSettings;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.HealPolicy;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.CgroupLayout;
import dev.asios.run.launch.HugepageMode;
import dev.asios.run.launch.LaunchPlanner;
import dev.asios.run.launch.Launcher;
import dev.asios.run.launch.RestartPolicy;
import dev.asios.run.launch.RunCleaner;
import dev.asios.run.launch.RunJson;
import dev.asios.run.launch.RunRequest;
import dev.asios.run.launch.RunRequestJson;
import dev.asios.run.place.PlacementRequest;
import dev.asios.run.store.RestartInfo;
import dev.asios.run.store.RunIds;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunState;
import dev.asios.run.store.RunStore;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault injection on this host: a run that declared {@code --restart on-failure} with a checkpoint
 * command crashes (exit 3 after about a second). With the policy in enforce mode the agent finds
 * the crash, waits the 1 s backoff, and restarts the run through the run launcher under a
 * supervisor of its own, from the checkpoint command (it writes a marker, then keeps running); the
 * store links the new run to the crashed one; the new run is then stopped the usual way (TERM to
 * its supervisor), recorded as an operator's stop, and not restarted. In dry-run the restart is
 * only proposed. Prints the time from the crash to the finding and to the restart. Every run,
 * supervisor and cgroup it made is gone at the end, whatever happens.
 */
@Tag("host")
@Tag("slow")
class RunCrashFaultHostTest {

    private static final String POLICY = "remediations:\n  restart-crashed-run:\n    backoff-initial: 1s\n";

    @TempDir
    Path state;

    @ParameterizedTest
    @EnumSource(value = HealMode.class, names = {"ENFORCE", "DRY_RUN"})
    void aCrashedRunIsRestartedFromItsCheckpointInEnforceAndOnlyReportedInDryRun(HealMode mode) throws Exception {
        Sysroot host = Sysroot.host();
        HostSnapshot snapshot = new HostInspector(host).inspect();
        CgroupLayout layout = CgroupLayout.of(snapshot.kernel().cgroups().orElseThrow());
        Path marker = state.resolve("resumed-from-checkpoint");
        RunRequest request = new RunRequest(List.of("/bin/sh", "-c", "sleep 1; exit 3"), Map.of("PATH", "/usr/bin:/bin"), state.toString(),
                PlacementRequest.cpuOnly(1), HugepageMode.NONE, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), false,
                RestartPolicy.ON_FAILURE, Optional.of("echo resumed > " + marker + "; exec sleep 60"));
        HealthOptions health = new HealthOptions(HealPolicy.parse(POLICY, "test policy").withMode(mode), Optional.empty(), HealthOptions.PROFILES_DIR,
                HealthOptions.RETRY_AFTER);
        String id = RunIds.next(Clock.systemUTC());
        try (Agent agent = Agent.start(new AgentSettings(InetAddress.getLoopbackAddress(), 0, Duration.ofMillis(500), state, state.resolve("tune"), host,
                false, health), "test")) {
            assertThat(agent.collectors()).isNotEmpty();
            launch(host, snapshot, layout, id, request);
            RunRecord crashed = store(s -> s.get(id)).orElseThrow();
            assertThat(crashed.exitCode()).hasValue(3);
            long crashMs = crashed.endedAt().orElseThrow().toEpochMilli();
            AuditEvent finding = awaitAbout(AuditEventType.FINDING, "run/" + id, crashMs, Duration.ofSeconds(10));
            AuditEvent proposed = awaitAbout(AuditEventType.REMEDIATION_PROPOSED, "run/" + id, crashMs, Duration.ofSeconds(10));
            assertThat(proposed.remediation().wireName()).isEqualTo("restart-crashed-run");
            assertThat(proposed.epochMs() - crashMs).as("not before the 1 s backoff").isGreaterThanOrEqualTo(1000);
            if (mode == HealMode.ENFORCE) {
                AuditEvent applied = awaitAbout(AuditEventType.REMEDIATION_APPLIED, "run/" + id, crashMs, Duration.ofSeconds(30));
                RunRecord restarted = store(s -> s.restartOf(id)).orElseThrow();
                assertThat(restarted.restart().restartedFrom()).contains(id);
                assertThat(restarted.restart().attempt()).isEqualTo(1);
                assertThat(restarted.command()).containsExactly("/bin/sh", "-c", request.checkpointCommand().orElseThrow());
                assertThat(store(s -> s.get(id)).orElseThrow().restart().restartedAs()).contains(restarted.id());
                assertThat(applied.undoRef()).contains("asios runs --stop " + restarted.id());
                awaitFile(marker, Duration.ofSeconds(10));
                System.out.printf("run crash fault (%s): detected after %d ms, restarted after %d ms (backoff 1 s), as run %s%n", mode.wireName(),
                        finding.epochMs() - crashMs, applied.epochMs() - crashMs, restarted.id());
                stopTheUsualWay(restarted);
                RunRecord stopped = store(s -> s.get(restarted.id())).orElseThrow();
                assertThat(stopped.state()).isEqualTo(RunState.EXITED);
                assertThat(stopped.restart().stoppedByOperator()).isTrue();
                Thread.sleep(2500);
                assertThat(AuditEvents.since(state, AuditEventType.FINDING, crashMs)).as("an operator's stop is no crash")
                        .noneMatch(e -> e.subject().equals("run/" + restarted.id()));
            } else {
                Thread.sleep(3000);
                assertThat(AuditEvents.since(state, AuditEventType.REMEDIATION_APPLIED, crashMs)).isEmpty();
                Optional<RunRecord> restart = store(s -> s.restartOf(id));
                assertThat(restart).as("dry-run restarts nothing").isEmpty();
                assertThat(marker).doesNotExist();
                System.out.printf("run crash fault (%s): detected after %d ms, proposed after %d ms (backoff 1 s)%n", mode.wireName(),
                        finding.epochMs() - crashMs, proposed.epochMs() - crashMs);
            }
        } finally {
            cleanUp(host, layout);
        }
    }

    /** Launches the run through the real planner and launcher, supervised by this JVM, and waits for it to crash. */
    private void launch(Sysroot host, HostSnapshot snapshot, CgroupLayout layout, String id, RunRequest request) throws Exception {
        try (RunStore store = RunStore.open(state)) {
            LaunchPlanner planner = LaunchPlanner.of(host, snapshot, layout, store.running(), state, false);
            new Launcher(host, layout, store, state, new RunJson()).launch(planner.plan(id, request).spec(),
                    RestartInfo.declared(RunRequestJson.write(request), Optional.empty(), 0));
        }
    }

    private AuditEvent awaitAbout(AuditEventType type, String subject, long sinceMs, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<AuditEvent> event = AuditEvents.since(state, type, sinceMs).stream().filter(e -> e.subject().equals(subject)).findFirst();
            if (event.isPresent()) {
                return event.get();
            }
            assertThat(System.nanoTime()).as("no " + type + " event about " + subject + " within " + timeout).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void awaitFile(Path file, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            assertThat(System.nanoTime()).as(file + " written by the checkpoint command").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** TERM to the run's supervisor, as {@code asios runs --stop} sends it. */
    private static void stopTheUsualWay(RunRecord run) throws Exception {
        ProcessHandle supervisor = ProcessHandle.of(run.supervisorPid()).orElseThrow();
        supervisor.destroy();
        supervisor.onExit().get(20, TimeUnit.SECONDS);
    }

    /** Stops every supervisor still running in this state folder, and removes what is left of the runs' cgroups. */
    private void cleanUp(Sysroot host, CgroupLayout layout) throws Exception {
        try (RunStore store = RunStore.open(state)) {
            for (RunRecord run : store.list(100)) {
                boolean mine = run.supervisorPid() != ProcessHandle.current().pid();
                Optional<ProcessHandle> supervisor = ProcessHandle.of(run.supervisorPid()).filter(p -> mine && run.supervised());
                if (supervisor.isPresent()) {
                    supervisor.get().destroy();
                    try {
                        supervisor.get().onExit().get(20, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        supervisor.get().destroyForcibly();
                    }
                }
            }
            RunCleaner cleaner = new RunCleaner(host, layout, store);
            cleaner.clean();
            cleaner.removeEmptyParents();
        }
    }

    private <T> T store(StoreQuery<T> query) throws Exception {
        try (RunStore store = RunStore.open(state)) {
            return query.apply(store);
        }
    }

    /** A read of the run store. */
    private interface StoreQuery<T> {
        T apply(RunStore store) throws Exception;
    }
}
