package dev.asios.run.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    @TempDir
    Path state;

    @Test
    void recordsARunFromStartToEndAcrossReopening() throws Exception {
        String id = RunIds.next(Clock.systemUTC());
        Instant start = Instant.parse("2026-11-25T07:00:00Z");
        try (RunStore store = RunStore.open(state)) {
            store.insert(new RunRecord(id, start, Optional.empty(), RunState.RUNNING, List.of("/usr/bin/true", "a b"), 42, List.of(),
                    OptionalInt.empty(), "{\"cpus\":\"0\"}", Optional.empty()));
            store.cgroups(id, List.of("/sys/fs/cgroup/cpuset/asios-runs/run-" + id));
            assertThat(store.running()).extracting(RunRecord::id).containsExactly(id);
        }
        try (RunStore store = RunStore.open(state)) {
            store.finish(id, RunState.EXITED, start.plusSeconds(3), OptionalInt.of(7), Optional.of("{\"exitCode\":7}"));
            RunRecord run = store.get(id).orElseThrow();
            assertThat(run.command()).containsExactly("/usr/bin/true", "a b");
            assertThat(run.cgroups()).containsExactly("/sys/fs/cgroup/cpuset/asios-runs/run-" + id);
            assertThat(run.state()).isEqualTo(RunState.EXITED);
            assertThat(run.exitCode()).hasValue(7);
            assertThat(run.endedAt()).contains(start.plusSeconds(3));
            assertThat(run.report()).contains("{\"exitCode\":7}");
            assertThat(store.running()).isEmpty();
            assertThat(store.list(10)).hasSize(1);
        }
    }

    @Test
    void listsNewestFirst() throws Exception {
        try (RunStore store = RunStore.open(state)) {
            for (int i = 0; i < 3; i++) {
                store.insert(new RunRecord("2026112" + i + "-070000-0000", Instant.parse("2026-11-2" + i + "T07:00:00Z"), Optional.empty(),
                        RunState.EXITED, List.of("x"), 1, List.of(), OptionalInt.of(0), "{}", Optional.empty()));
            }
            assertThat(store.list(2)).extracting(RunRecord::id).containsExactly("20261122-070000-0000", "20261121-070000-0000");
        }
    }

    @Test
    void aRunWhoseSupervisorIsGoneIsNotSupervised() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        RunRecord orphan = new RunRecord("x", Instant.now(), Optional.empty(), RunState.RUNNING, List.of("x"), dead.pid(), List.of(),
                OptionalInt.empty(), "{}", Optional.empty());
        RunRecord mine = new RunRecord("y", Instant.now(), Optional.empty(), RunState.RUNNING, List.of("x"), ProcessHandle.current().pid(), List.of(),
                OptionalInt.empty(), "{}", Optional.empty());
        RunRecord reused = new RunRecord("z", Instant.parse("2000-01-01T00:00:00Z"), Optional.empty(), RunState.RUNNING, List.of("x"),
                ProcessHandle.current().pid(), List.of(), OptionalInt.empty(), "{}", Optional.empty());

        assertThat(orphan.supervised()).isFalse();
        assertThat(mine.supervised()).isTrue();
        assertThat(reused.supervised()).as("this pid started after the run: a reused pid").isFalse();
    }

    @Test
    void idsSortByTimeAndAreSafeInPaths() {
        String id = RunIds.next(Clock.fixed(Instant.parse("2026-11-25T07:30:12Z"), java.time.ZoneOffset.UTC));
        assertThat(id).startsWith("20261125-073012-");
        assertThat(RunIds.valid(id)).isTrue();
        assertThat(RunIds.valid("../etc")).isFalse();
    }
}
