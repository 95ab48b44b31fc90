package dev.asios.health.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.policy.RemediationKind;
import dev.asios.health.policy.RemediationParameters.Restart;
import dev.asios.host.findings.Severity;
import dev.asios.observe.restart.Backoff;
import dev.asios.run.launch.HugepageMode;
import dev.asios.run.launch.RestartPolicy;
import dev.asios.run.launch.RunRequest;
import dev.asios.run.launch.RunRequestJson;
import dev.asios.run.place.PlacementRequest;
import dev.asios.run.store.RestartInfo;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The run-crashed rule on run records made by hand. */
class RunCrashedRuleTest {

    private static final Restart RESTART = new Restart(3, new Backoff.Settings(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(1)));
    private static final long START_MS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final String REQUEST = RunRequestJson.write(new RunRequest(List.of("/bin/train"), Map.of(), "/", PlacementRequest.cpuOnly(1),
            HugepageMode.NONE, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), false, RestartPolicy.ON_FAILURE,
            Optional.of("train --resume")));

    private final List<RunRecord> runs = new ArrayList<>();
    private final RuleEngine engine = new RuleEngine(List.of(new RunCrashedRule(() -> runs, RESTART, Duration.ofSeconds(1),
            RunCrashedRule.DEFAULT_HYSTERESIS)));

    @Test
    void aCrashIsFoundAtOnceAndTheRestartProposedOnceTheBackoffPassed() {
        runs.add(ended("20260101-000000-0001", 3, 5_000, RestartInfo.declared(REQUEST, Optional.empty(), 0)));
        RuleReport atCrash = engine.evaluate(Rounds.empty(START_MS + 5_200));
        assertThat(atCrash.started()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("run/20260101-000000-0001");
            assertThat(f.remediation()).as("within the backoff").isEmpty();
            assertThat(f.evidence()).contains("exited with 3 after 5.0 s").contains("restart 1 of 3 1.0 s after the crash, from its checkpoint command");
            assertThat(f.details()).containsEntry("exitCode", "3").containsEntry("attempt", "1").containsEntry("run", "20260101-000000-0001");
        });
        RuleReport due = engine.evaluate(Rounds.empty(START_MS + 6_100));
        assertThat(due.started()).as("the same finding, not a second one").isEmpty();
        assertThat(due.active()).singleElement().extracting(RuleFinding::remediation).isEqualTo(Optional.of(RemediationKind.RESTART_CRASHED_RUN));

        runs.set(0, withRestartedAs(runs.getFirst(), "20260101-000006-0002"));
        RuleReport restarted = engine.evaluate(Rounds.empty(START_MS + 7_200));
        assertThat(restarted.cleared()).hasSize(1);
        assertThat(restarted.active()).isEmpty();
    }

    @Test
    void aSuccessAnOperatorsStopAnUndeclaredRunAndAnOldCrashAreNotCrashes() {
        runs.add(ended("20260101-000000-0001", 0, 5_000, RestartInfo.declared(REQUEST, Optional.empty(), 0)));
        runs.add(ended("20260101-000000-0002", 143, 5_000, new RestartInfo(Optional.of(REQUEST), Optional.empty(), 0, Optional.empty(), true)));
        runs.add(ended("20260101-000000-0003", 1, 5_000, RestartInfo.NONE));
        runs.add(new RunRecord("20260101-000000-0004", Instant.ofEpochMilli(START_MS), Optional.empty(), RunState.ABANDONED, List.of("/bin/train"), 1,
                List.of(), OptionalInt.empty(), "{}", Optional.empty(), RestartInfo.declared(REQUEST, Optional.empty(), 0)));
        assertThat(engine.evaluate(Rounds.empty(START_MS + 10_000)).active()).isEmpty();
        runs.clear();
        runs.add(ended("20260101-000000-0005", 1, 5_000, RestartInfo.declared(REQUEST, Optional.empty(), 0)));
        assertThat(engine.evaluate(Rounds.empty(START_MS + 5_000 + RunCrashedRule.RECENT.toMillis() + 1_000)).active()).as("an hour later").isEmpty();
    }

    @Test
    void aRunKilledByASignalIsACrashAndTheWaitDoublesWithTheAttempt() {
        runs.add(ended("20260101-000000-0001", 137, 2_000, RestartInfo.declared(REQUEST, Optional.of("20260101-000000-0000"), 2)));
        RuleFinding finding = engine.evaluate(Rounds.empty(START_MS + 3_000)).started().getFirst();
        assertThat(finding.evidence()).contains("was killed by signal 9 (exit 137)").contains("restart 3 of 3 4.0 s after the crash");
        assertThat(finding.details()).containsEntry("attempt", "3");
        assertThat(engine.evaluate(Rounds.empty(START_MS + 5_000)).active().getFirst().remediation()).isEmpty();
        assertThat(engine.evaluate(Rounds.empty(START_MS + 6_000)).active().getFirst().remediation()).as("4 s after the crash").contains(RemediationKind.RESTART_CRASHED_RUN);
    }

    @Test
    void afterMaxAttemptsRestartsInARowTheRunIsLeftStoppedUnlessItRanLongEnoughToCountAsHealthy() {
        runs.add(ended("20260101-000000-0001", 3, 2_000, RestartInfo.declared(REQUEST, Optional.of("20260101-000000-0000"), 3)));
        RuleFinding finding = engine.evaluate(Rounds.empty(START_MS + 30_000)).started().getFirst();
        assertThat(finding.remediation()).isEmpty();
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.evidence()).contains("after 3 restarts in a row: left stopped (restart-crashed-run max-attempts 3)");

        runs.set(0, ended("20260101-000000-0001", 3, 61_000, RestartInfo.declared(REQUEST, Optional.of("20260101-000000-0000"), 3)));
        RuleFinding healthy = engine.evaluate(Rounds.empty(START_MS + 63_000)).active().getFirst();
        assertThat(healthy.details()).containsEntry("attempt", "1");
        assertThat(healthy.remediation()).contains(RemediationKind.RESTART_CRASHED_RUN);
    }

    @Test
    void aDamagedRequestIsReportedAndNotRestarted() {
        runs.add(ended("20260101-000000-0001", 3, 2_000, RestartInfo.declared("{\"restart\":", Optional.empty(), 0)));
        RuleFinding finding = engine.evaluate(Rounds.empty(START_MS + 30_000)).started().getFirst();
        assertThat(finding.remediation()).isEmpty();
        assertThat(finding.evidence()).contains("it cannot be restarted");
    }

    private static RunRecord ended(String id, int exit, long ranMs, RestartInfo restart) {
        return new RunRecord(id, Instant.ofEpochMilli(START_MS), Optional.of(Instant.ofEpochMilli(START_MS + ranMs)), RunState.EXITED,
                List.of("/bin/train"), 1, List.of(), OptionalInt.of(exit), "{}", Optional.empty(), restart);
    }

    private static RunRecord withRestartedAs(RunRecord run, String newId) {
        RestartInfo r = run.restart();
        return new RunRecord(run.id(), run.startedAt(), run.endedAt(), run.state(), run.command(), run.supervisorPid(), run.cgroups(), run.exitCode(),
                run.placement(), run.report(), new RestartInfo(r.request(), r.restartedFrom(), r.attempt(), Optional.of(newId), false));
    }
}
