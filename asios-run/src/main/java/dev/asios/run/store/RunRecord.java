package dev.asios.run.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One run as recorded. Immutable.
 *
 * @param id the run id, also in its cgroup's name ({@code run-ID})
 * @param startedAt when it started
 * @param endedAt when it ended, empty while it runs
 * @param state where it is in its life
 * @param command the command and its arguments
 * @param supervisorPid the pid of the {@code asios run} that supervises it
 * @param cgroups its cgroup folders, one per hierarchy
 * @param exitCode the command's exit status (128 + N when killed by signal N), empty until it ends
 * @param placement the placement, as JSON
 * @param report the run report, as JSON; empty until it ends
 * @param restart what it declared about restarts and its links to the runs before and after it
 */
public record RunRecord(String id, Instant startedAt, Optional<Instant> endedAt, RunState state, List<String> command, long supervisorPid,
        List<String> cgroups, OptionalInt exitCode, String placement, Optional<String> report, RestartInfo restart) {

    /** Creates an immutable copy. */
    public RunRecord {
        command = List.copyOf(command);
        cgroups = List.copyOf(cgroups);
        java.util.Objects.requireNonNull(restart, "restart");
    }

    /** A run that declared nothing about restarts ({@link RestartInfo#NONE}). */
    public RunRecord(String id, Instant startedAt, Optional<Instant> endedAt, RunState state, List<String> command, long supervisorPid,
            List<String> cgroups, OptionalInt exitCode, String placement, Optional<String> report) {
        this(id, startedAt, endedAt, state, command, supervisorPid, cgroups, exitCode, placement, report, RestartInfo.NONE);
    }

    /** True when the run's supervisor lives: its pid exists and that process started before the run (the pid was not reused). */
    public boolean supervised() {
        return ProcessHandle.of(supervisorPid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().startInstant().map(start -> !start.isAfter(startedAt)).orElse(true))
                .orElse(false);
    }
}
