package dev.asios.run.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written before restarts existed is brought up to date in place; its rows read as declaring nothing. */
class RunStoreMigrationTest {

    @TempDir
    Path state;

    @Test
    void anOldStoreGetsTheRestartColumnsAndItsRowsReadAsDeclaringNothing() throws Exception {
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + state.resolve(RunStore.FILE)); Statement s = old.createStatement()) {
            s.execute("""
                    CREATE TABLE runs (
                      id TEXT PRIMARY KEY, started_at TEXT NOT NULL, ended_at TEXT, state TEXT NOT NULL,
                      command TEXT NOT NULL, supervisor_pid INTEGER NOT NULL, cgroups TEXT NOT NULL,
                      exit_code INTEGER, placement TEXT NOT NULL, report TEXT)""");
            s.execute("INSERT INTO runs VALUES ('20250101-000000-0001', '2025-01-01T00:00:00Z', '2025-01-01T00:00:05Z', 'EXITED', '[\"/bin/false\"]',"
                    + " 7, '[]', 1, '{}', NULL)");
        }
        try (RunStore store = RunStore.open(state)) {
            RunRecord old = store.get("20250101-000000-0001").orElseThrow();
            assertThat(old.restart()).isEqualTo(RestartInfo.NONE);
            assertThat(old.exitCode()).hasValue(1);
            assertThat(store.restartCandidates(10)).as("an old run declared no restart").isEmpty();
        }
        try (RunStore again = RunStore.open(state)) {
            assertThat(again.list(10)).hasSize(1);
        }
    }

    @Test
    void aRestartIsClaimedOnceLinkedAndGivenBackWhenItDidNotStart() throws Exception {
        try (RunStore store = RunStore.open(state)) {
            store.insert(run("20250101-000000-0001", RestartInfo.declared("{\"restart\":\"on-failure\"}", Optional.empty(), 0)));
            store.finish("20250101-000000-0001", RunState.EXITED, Instant.parse("2025-01-01T00:00:02Z"), OptionalInt.of(3), Optional.empty());
            store.insert(run("20250101-000000-0002", RestartInfo.declared("{}", Optional.empty(), 0)));
            store.finish("20250101-000000-0002", RunState.EXITED, Instant.parse("2025-01-01T00:00:02Z"), OptionalInt.of(143), Optional.empty(), true);
            store.insert(run("20250101-000000-0003", RestartInfo.NONE));
            assertThat(store.restartCandidates(10)).extracting(RunRecord::id).containsExactly("20250101-000000-0002", "20250101-000000-0001");
            assertThat(store.get("20250101-000000-0002").orElseThrow().restart().stoppedByOperator()).isTrue();

            assertThat(store.claimRestart("20250101-000000-0001", "20250101-000001-aaaa")).isTrue();
            assertThat(store.claimRestart("20250101-000000-0001", "20250101-000001-bbbb")).as("a second claim").isFalse();
            store.releaseRestart("20250101-000000-0001", "20250101-000001-bbbb");
            assertThat(store.get("20250101-000000-0001").orElseThrow().restart().restartedAs()).as("only its own claim is given back")
                    .contains("20250101-000001-aaaa");
            store.releaseRestart("20250101-000000-0001", "20250101-000001-aaaa");
            assertThat(store.claimRestart("20250101-000000-0001", "20250101-000002-cccc")).isTrue();
            store.insert(run("20250101-000002-cccc", RestartInfo.declared("{}", Optional.of("20250101-000000-0001"), 1)));

            assertThat(store.restartCandidates(10)).extracting(RunRecord::id).containsExactly("20250101-000000-0002");
            RunRecord restart = store.restartOf("20250101-000000-0001").orElseThrow();
            assertThat(restart.id()).isEqualTo("20250101-000002-cccc");
            assertThat(restart.restart().attempt()).isEqualTo(1);
            assertThat(restart.restart().declared()).isTrue();
        }
    }

    private static RunRecord run(String id, RestartInfo restart) {
        return new RunRecord(id, Instant.parse("2025-01-01T00:00:00Z"), Optional.empty(), RunState.RUNNING, List.of("/bin/sh", "-c", "exit 3"), 1,
                List.of(), OptionalInt.empty(), "{}", Optional.empty(), restart);
    }
}
