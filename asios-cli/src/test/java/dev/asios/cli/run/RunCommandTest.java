package dev.asios.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.cli.CliRun;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunState;
import dev.asios.run.store.RunStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code asios run} answers that need no root and change nothing: dry runs and refusals. */
class RunCommandTest {

    @TempDir
    Path state;

    @Test
    void aDryRunPrintsThePlacementAndTheLaunchAndMakesNothing() {
        CliRun run = CliRun.of("run", "--state", state.toString(), "--dry-run", "--cpus", "1", "--memory", "64M", "--", "sh", "-c", "true");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("placement (score", "CPUs", "launch (dry run: nothing is made)", "/asios-runs/run-", "exec        /")
                .contains("OMP_NUM_THREADS=1");
        assertThat(state).isEmptyDirectory();
    }

    @Test
    void aDryRunInJsonHasThePlacementAndTheCgroupWrites() throws Exception {
        CliRun run = CliRun.of("run", "--state", state.toString(), "--dry-run", "--json", "--cpus", "1", "--rt", "--", "true");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("cpus").asText()).isNotEmpty();
        assertThat(json.path("launch").path("scheduling").asText()).isEqualTo("SCHED_FIFO priority 10");
        assertThat(json.path("launch").path("command").get(0).asText()).endsWith("/true");
    }

    @Test
    void aCommandThatDoesNotExistExits127() {
        CliRun run = CliRun.of("run", "--state", state.toString(), "--", "no-such-command-asios");

        assertThat(run.exitCode()).isEqualTo(RunCommand.NOT_FOUND);
        assertThat(run.err()).contains("no-such-command-asios: command not found");
        assertThat(state).isEmptyDirectory();
    }

    @Test
    void aFileThatIsNotExecutableExits126() throws Exception {
        Path script = java.nio.file.Files.writeString(state.resolve("script"), "#!/bin/sh\n");

        assertThat(CliRun.of("run", "--dry-run", "--", script.toString()).exitCode()).isEqualTo(RunCommand.NOT_EXECUTABLE);
    }

    @Test
    void badRequestsExit125WithTheOptionNamed() {
        assertThat(CliRun.of("run", "--dry-run", "--numa", "bogus", "--", "true").err()).contains("--numa 'bogus': expected strict, preferred or interleave");
        assertThat(CliRun.of("run", "--dry-run", "--memory", "lots", "--", "true").err()).contains("--memory 'lots'");
        assertThat(CliRun.of("run", "--dry-run", "--rt", "99", "--", "true").err()).contains("--rt 99: expected a priority from 1 to 98");
        assertThat(CliRun.of("run", "--dry-run", "--cpu-weight", "0", "--", "true").err()).contains("--cpu-weight 0");
        assertThat(CliRun.of("run", "--dry-run", "--gpus", "1", "--gpu-ids", "0", "--", "true").err()).contains("--gpus and --gpu-ids");
        CliRun tooMany = CliRun.of("run", "--dry-run", "--cpus", "100000", "--", "true");
        assertThat(tooMany.exitCode()).isEqualTo(RunCommand.NOT_RUN);
        assertThat(tooMany.err()).startsWith("asios run: ").contains("100000");
    }

    @Test
    void aRestartDeclarationIsCheckedWithTheOptionNamed() {
        assertThat(CliRun.of("run", "--dry-run", "--restart", "always", "--", "true").err()).contains("--restart 'always': expected no, on-failure");
        CliRun withoutRestart = CliRun.of("run", "--dry-run", "--checkpoint-command", "resume", "--", "true");
        assertThat(withoutRestart.exitCode()).isEqualTo(RunCommand.NOT_RUN);
        assertThat(withoutRestart.err()).contains("--checkpoint-command needs --restart on-failure");
        assertThat(CliRun.of("run", "--dry-run", "--restart", "on-failure", "--checkpoint-command", " ", "--", "true").err())
                .contains("--checkpoint-command is empty");
        assertThat(CliRun.of("run", "--dry-run", "--restart", "on-failure", "--checkpoint-command", "train --resume", "--", "true").exitCode()).isZero();
        assertThat(CliRun.of("run", "--help").out()).contains("--restart=POLICY", "--checkpoint-command=CMD");
    }

    @Test
    void stoppingARunNeedsTheIdOfARunningOne() throws Exception {
        try (RunStore store = RunStore.open(state)) {
            store.insert(new RunRecord("20250101-000000-0001", Instant.parse("2025-01-01T00:00:00Z"), Optional.of(Instant.parse("2025-01-01T00:00:01Z")),
                    RunState.EXITED, List.of("/bin/true"), 1, List.of(), OptionalInt.of(0), "{\"cpus\":\"0\"}", Optional.empty()));
        }
        assertThat(CliRun.of("runs", "--state", state.toString(), "--stop").err()).contains("--stop needs the ID of the run to stop");
        assertThat(CliRun.of("runs", "--state", state.toString(), "--stop", "20250101-000000-0002").err()).contains("no run 20250101-000000-0002");
        assertThat(CliRun.of("runs", "--state", state.toString(), "--stop", "20250101-000000-0001").err()).contains("is not running (exited)");
        assertThat(CliRun.of("runs", "--state", state.toString()).out()).contains("FROM").contains("20250101-000000-0001");
    }

    @Test
    void aRecordedTreeIsOnlyForDryRuns() {
        CliRun run = CliRun.of("run", "--sysroot", state.toString(), "--", "true");

        assertThat(run.exitCode()).isEqualTo(RunCommand.NOT_RUN);
        assertThat(run.err()).contains("add --dry-run");
    }

    @Test
    void argumentsAfterTheCommandAreTheCommands() {
        CliRun run = CliRun.of("run", "--dry-run", "sh", "-c", "true", "--cpus", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("exec +/\\S*/sh -c true --cpus 3").doesNotContain("(3)");
    }
}
