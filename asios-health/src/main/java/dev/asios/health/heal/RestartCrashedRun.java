package dev.asios.health.heal;

import dev.asios.health.policy.RemediationKind;
import dev.asios.run.launch.RunRequest;
import dev.asios.run.restart.DetachedSupervisor;
import dev.asios.run.store.RunIds;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A crashed run: launch it again through the run launcher, as a new run linked to it in the run
 * store (the store is the runs' journal). The restart is first claimed in the store (the crashed
 * run's {@code restartedAs}, so no second restart of it can start), then a supervisor of its own is
 * started ({@link DetachedSupervisor}: it outlives the agent, and is stopped like any run with
 * {@code asios runs --stop ID}); it runs the run's checkpoint command if it declared one. Apply
 * waits until the new run is recorded as started, at most {@link #START_TIMEOUT} (the supervisor is
 * a JVM that reads the host first: about a second); if it is not, the claim is given back, so a
 * later proposal may try again, and the supervisor's log says why. Not thread-safe.
 */
final class RestartCrashedRun implements Remediation {

    /** How long apply waits for the new run to be recorded. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private static final long POLL_NANOS = 50_000_000;
    private static final int LOG_TAIL_CHARS = 600;

    private final Path stateDir;
    private final RunRecord crashed;
    private final RunRequest request;
    private final int attempt;
    private final Clock clock;

    RestartCrashedRun(Path stateDir, RunRecord crashed, RunRequest request, int attempt, Clock clock) {
        this.stateDir = stateDir;
        this.crashed = crashed;
        this.request = request;
        this.attempt = attempt;
        this.clock = clock;
    }

    @Override
    public RemediationKind kind() {
        return RemediationKind.RESTART_CRASHED_RUN;
    }

    @Override
    public String subject() {
        return "run/" + crashed.id();
    }

    @Override
    public String describe() {
        return "restart run " + crashed.id() + " (restart " + attempt + " in a row) " + (request.checkpointCommand().isPresent()
                ? "from its checkpoint command" : "with its command") + ": " + String.join(" ", request.restartCommand()) + ", in "
                + request.workingDirectory();
    }

    @Override
    public RemediationResult apply() {
        String before = "run " + crashed.id() + " exited with " + crashed.exitCode().orElse(-1) + " at " + crashed.endedAt().orElseThrow()
                + (crashed.restart().attempt() > 0 ? ", itself restart " + crashed.restart().attempt() + " of run " + crashed.restart().restartedFrom().orElse("?") : "");
        String newId = RunIds.next(clock);
        try (RunStore store = RunStore.open(stateDir)) {
            if (!store.claimRestart(crashed.id(), newId)) {
                return failed(before, "run " + crashed.id() + " was restarted already (" + store.get(crashed.id()).flatMap(r -> r.restart().restartedAs())
                        .orElse("or is gone") + ")");
            }
            Process supervisor;
            try {
                supervisor = DetachedSupervisor.start(stateDir, crashed.id(), newId, attempt, Path.of(request.workingDirectory()));
            } catch (IOException e) {
                store.releaseRestart(crashed.id(), newId);
                return failed(before, e.getMessage());
            }
            Optional<RunRecord> started = awaitStart(store, newId, supervisor);
            if (started.isEmpty()) {
                supervisor.destroy();
                store.releaseRestart(crashed.id(), newId);
                return failed(before, "run " + newId + " did not start" + (supervisor.isAlive() ? " within " + START_TIMEOUT.toSeconds() + " s"
                        : " (its supervisor exited with " + supervisor.exitValue() + ")") + ": " + logTail(newId));
            }
            RunRecord run = started.get();
            String after = "run " + newId + " running (restart " + attempt + " of run " + crashed.id() + ", supervisor pid " + run.supervisorPid()
                    + "): " + String.join(" ", run.command()) + "; output in " + DetachedSupervisor.log(stateDir, newId);
            return new RemediationResult(before, after, List.of(), "asios runs --stop " + newId + " (TERM to its supervisor, pid " + run.supervisorPid() + ")");
        } catch (IOException e) {
            return failed(before, e.getMessage());
        }
    }

    /** The new run's record once its supervisor wrote it; empty if the supervisor exits first or the time runs out. */
    private static Optional<RunRecord> awaitStart(RunStore store, String newId, Process supervisor) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            boolean alive = supervisor.isAlive();
            Optional<RunRecord> run = store.get(newId);
            if (run.isPresent() || !alive || System.nanoTime() > deadline) {
                return run;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private String logTail(String newId) {
        try {
            String log = Files.readString(DetachedSupervisor.log(stateDir, newId)).strip();
            return log.isEmpty() ? "its log is empty" : log.substring(Math.max(0, log.length() - LOG_TAIL_CHARS));
        } catch (IOException e) {
            return "its log cannot be read: " + e.getMessage();
        }
    }

    private static RemediationResult failed(String before, String problem) {
        return new RemediationResult(before, "unchanged", List.of(problem), "nothing to undo");
    }
}
