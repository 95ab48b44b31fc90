package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import dev.asios.health.policy.RemediationParameters.Restart;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.findings.Severity;
import dev.asios.run.launch.RunRequestJson;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@value #ID}: a run that declared it may be restarted ({@code asios run --restart on-failure})
 * ended with a failure: a non-zero exit, or killed by a signal that its supervisor did not pass on
 * from an operator. A run that succeeded, that an operator stopped, that never started, whose
 * supervisor died, or that was restarted already (the store links it to its restart) is not one;
 * nor is a crash older than {@link #RECENT}. So one ended run makes at most one finding, which
 * clears once the run is restarted.
 *
 * <p>The restart waits out the backoff of the heal policy's {@code restart-crashed-run}: the
 * finding starts at once, and names the remediation only once {@code waitBefore(restarts in a row)}
 * has passed since the crash, so the waiting holds no thread. A run that ran
 * {@code healthy-after} or longer starts the count again; after {@code max-attempts} restarts in a
 * row the finding stays, critical and without a remediation, saying the run is left stopped.
 * Subject {@code run/ID}; details {@code run}, {@code exitCode}, {@code attempt} (of the restart to
 * come), {@code maxAttempts}. Checked every {@code interval} (each check reads the run store).
 */
public final class RunCrashedRule extends RuleBase {

    /** The rule's id. */
    public static final String ID = "run-crashed";
    /** By default: a check every second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** By default: fire on the first check that sees the crash, clear on the first that sees it restarted. */
    public static final Hysteresis DEFAULT_HYSTERESIS = new Hysteresis(1, 1);
    /** Crashes that ended longer ago than this (the agent was down) are history, not restarted: one hour. */
    public static final Duration RECENT = Duration.ofHours(1);

    private static final int LAST_SIGNAL = 64;

    private final Supplier<List<RunRecord>> candidates;
    private final Restart restart;

    /**
     * A rule over the runs {@code candidates} lists (those that declared a restart, exited and were
     * not restarted: {@code RunStore.restartCandidates}), restarting as {@code restart} says.
     *
     * @throws IllegalArgumentException if the interval is outside 100 ms .. 1 h
     */
    public RunCrashedRule(Supplier<List<RunRecord>> candidates, Restart restart, Duration interval, Hysteresis hysteresis) {
        super(ID, hysteresis, "run crash check interval", interval);
        this.candidates = candidates;
        this.restart = restart;
    }

    @Override
    public List<Symptom> check(SignalRound round) {
        List<Symptom> symptoms = new ArrayList<>();
        for (RunRecord run : candidates.get()) {
            if (crashed(run) && run.endedAt().orElseThrow().isAfter(Instant.ofEpochMilli(round.epochMs()).minus(RECENT))) {
                symptoms.add(symptom(run, round.epochMs()));
            }
        }
        return symptoms;
    }

    /** Whether {@code run} declared a restart, ended with a failure that no operator caused, and was not restarted yet. */
    public static boolean crashed(RunRecord run) {
        return run.state() == RunState.EXITED && run.restart().declared() && run.restart().restartedAs().isEmpty() && !run.restart().stoppedByOperator()
                && run.endedAt().isPresent() && run.exitCode().isPresent() && run.exitCode().getAsInt() != 0;
    }

    private Symptom symptom(RunRecord run, long nowMs) {
        Instant ended = run.endedAt().orElseThrow();
        Duration ran = Duration.between(run.startedAt(), ended);
        int inARow = restart.restartsInARow(run.restart().attempt(), ran);
        int exit = run.exitCode().getAsInt();
        String crash = "run " + run.id() + " (" + String.join(" ", run.command()) + ") " + exitText(exit) + " after " + Evidence.seconds(ran.toMillis());
        Map<String, String> details = new HashMap<>(Map.of("run", run.id(), "exitCode", String.valueOf(exit), "attempt", String.valueOf(inARow + 1),
                "maxAttempts", String.valueOf(restart.maxAttempts())));
        String subject = "run/" + run.id();
        if (!restart.mayRestart(inARow)) {
            return new Symptom(subject, "", Severity.CRITICAL, crash + ", after " + inARow + " restarts in a row: left stopped (restart-crashed-run"
                    + " max-attempts " + restart.maxAttempts() + ")", Optional.empty(), details);
        }
        String from;
        try {
            from = RunRequestJson.parse(run.restart().request().orElseThrow()).checkpointCommand().isPresent() ? "from its checkpoint command"
                    : "with its own command";
        } catch (IOException e) {
            return new Symptom(subject, "", Severity.CRITICAL, crash + "; it cannot be restarted: " + e.getMessage(), Optional.empty(), details);
        }
        long dueAtMs = ended.plus(restart.waitBefore(inARow)).toEpochMilli();
        details.put("dueAtMs", String.valueOf(dueAtMs));
        return new Symptom(subject, "", Severity.WARNING, crash + "; restart " + (inARow + 1) + " of " + restart.maxAttempts() + " "
                + Evidence.seconds(restart.waitBefore(inARow).toMillis()) + " after the crash, " + from,
                nowMs >= dueAtMs ? Optional.of(RemediationKind.RESTART_CRASHED_RUN) : Optional.empty(), details);
    }

    private static String exitText(int exit) {
        return exit > 128 && exit <= 128 + LAST_SIGNAL ? "was killed by signal " + (exit - 128) + " (exit " + exit + ")" : "exited with " + exit;
    }
}
