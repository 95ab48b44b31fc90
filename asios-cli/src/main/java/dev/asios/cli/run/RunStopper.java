package dev.asios.cli.run;

import dev.asios.cli.UserException;
import dev.asios.run.store.RestartInfo;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunState;
import dev.asios.run.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code asios runs --stop ID}: asks a run's supervisor to stop it (TERM, which it passes on to the
 * run and records as an operator's stop), and the restart lineage {@code asios runs ID} prints.
 * Stateless.
 */
final class RunStopper {

    /** How long a stop waits for the supervisor to end. */
    static final long WAIT_SECONDS = 30;

    private RunStopper() {
    }

    /**
     * Stops run {@code id}; 0 when it ended, 1 when its supervisor still runs after the wait.
     *
     * @throws UserException if there is no id, no such run, or the run is not running under a living supervisor
     */
    static int stop(RunStore store, String id, PrintWriter out) throws IOException {
        if (id == null) {
            throw new UserException("--stop needs the ID of the run to stop: 'asios runs' lists them");
        }
        RunRecord run = store.get(id).orElseThrow(() -> new UserException("no run " + id + ": 'asios runs' lists them"));
        if (run.state() != RunState.RUNNING || !run.supervised()) {
            throw new UserException("run " + id + " is not running (" + run.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (run.state() == RunState.RUNNING ? ", its supervisor is gone: 'asios runs --gc' cleans up" : "") + ")");
        }
        ProcessHandle supervisor = ProcessHandle.of(run.supervisorPid()).orElseThrow(() -> new UserException("run " + id + " just ended"));
        supervisor.destroy();
        out.println("asked the supervisor of run " + id + " (pid " + run.supervisorPid() + ") to stop it (TERM)");
        out.flush();
        try {
            supervisor.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            out.println("run " + id + " is still stopping after " + WAIT_SECONDS + " s; its supervisor has pid " + run.supervisorPid());
            return 1;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        Optional<RunRecord> ended = store.get(id);
        out.println("run " + id + " stopped" + ended.flatMap(r -> r.exitCode().isPresent() ? Optional.of(" (exit " + r.exitCode().getAsInt() + ")")
                : Optional.empty()).orElse(""));
        return 0;
    }

    /** The run's restart declaration and links, one line each, or nothing for a run without any. */
    static String lineage(RunRecord run) {
        RestartInfo restart = run.restart();
        StringBuilder text = new StringBuilder();
        if (restart.declared()) {
            text.append("declared: may be restarted when it crashes\n");
        }
        restart.restartedFrom().ifPresent(from -> text.append("restarts run ").append(from).append(" (attempt ").append(restart.attempt()).append(")\n"));
        restart.restartedAs().ifPresent(as -> text.append("restarted as run ").append(as).append('\n'));
        if (restart.stoppedByOperator()) {
            text.append("stopped by an operator\n");
        }
        return text.toString();
    }
}
