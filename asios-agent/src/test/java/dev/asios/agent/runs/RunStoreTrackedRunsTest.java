package dev.asios.agent.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.observe.runs.TrackedRun;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunState;
import dev.asios.run.store.RunStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTrackedRunsTest {

    @TempDir
    Path state;

    private final AtomicLong clock = new AtomicLong();

    @Test
    void noStoreMeansNoRuns() {
        assertThat(new RunStoreTrackedRuns(state, 5_000_000_000L, clock::get).current()).isEmpty();
    }

    @Test
    void answersTheRunningRunsWithTheirCgroupsAndRereadsOnlyAfterTheRefreshPeriod() throws Exception {
        RunStoreTrackedRuns runs = new RunStoreTrackedRuns(state, 5_000_000_000L, clock::get);
        insert("run-a", RunState.RUNNING, "/sys/fs/cgroup/asios-runs/run-a");
        assertThat(runs.current()).containsExactly(new TrackedRun("run-a", List.of("/sys/fs/cgroup/asios-runs/run-a")));

        insert("run-b", RunState.RUNNING, "/sys/fs/cgroup/cpuset/asios-runs/run-b");
        clock.addAndGet(4_000_000_000L);
        assertThat(runs.current()).extracting(TrackedRun::runId).containsExactly("run-a");
        clock.addAndGet(1_000_000_000L);
        assertThat(runs.current()).extracting(TrackedRun::runId).containsExactly("run-a", "run-b");

        try (RunStore store = RunStore.open(state)) {
            store.finish("run-a", RunState.EXITED, Instant.now(), OptionalInt.of(0), Optional.empty());
        }
        clock.addAndGet(5_000_000_000L);
        assertThat(runs.current()).extracting(TrackedRun::runId).containsExactly("run-b");
        assertThat(runs.lastError()).isNull();
    }

    private void insert(String id, RunState state, String cgroup) throws Exception {
        try (RunStore store = RunStore.open(this.state)) {
            store.insert(new RunRecord(id, Instant.now(), Optional.empty(), state, List.of("/bin/true"), ProcessHandle.current().pid(), List.of(cgroup),
                    OptionalInt.empty(), "{}", Optional.empty()));
        }
    }
}
