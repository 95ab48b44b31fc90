package dev.asios.health.heal;

import dev.asios.health.heal.neighbour.Neighbour;
import dev.asios.health.heal.neighbour.NeighbourThrottle;
import dev.asios.health.policy.RemediationKind;
import dev.asios.health.policy.RemediationParameters.Throttle;
import dev.asios.health.rules.RunCrashedRule;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciAddress;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.RunRequest;
import dev.asios.run.launch.RunRequestJson;
import dev.asios.run.place.UnhealthyGpus;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunStore;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.ValueFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Builds the remediations the healer carries out on one host, each journaled so it can be undone:
 * host settings in the tuning journal ({@code asios tune rollback}), restarted runs in the run
 * store ({@code asios runs --stop ID}). Reads the host's current state when a remediation is
 * built, so {@link Remediation#describe} says what would change. Not thread-safe for task moves
 * (their scan of the host's threads is not); the others hold no state.
 */
public final class Remediations {

    private final Sysroot sysroot;
    private final Path journalDir;
    private final Path stateDir;
    private final Clock clock;
    private final Optional<TaskMoves> taskMoves;

    /**
     * Remediations on {@code sysroot}, journaled in {@code journalDir}, without task moves (they
     * refuse to be built).
     *
     * @param stateDir the agent's state folder, where {@value UnhealthyGpus#FILE} is kept (a host path)
     */
    public Remediations(Sysroot sysroot, Path journalDir, Path stateDir, Clock clock) {
        this(sysroot, journalDir, stateDir, clock, Optional.empty());
    }

    /**
     * Remediations on {@code sysroot}, journaled in {@code journalDir}, moving tasks off isolated
     * CPUs with what {@code tasks} knows of them.
     *
     * @param stateDir the agent's state folder, where {@value UnhealthyGpus#FILE} is kept (a host path)
     */
    public Remediations(Sysroot sysroot, Path journalDir, Path stateDir, Clock clock, IsolatedTasks tasks) {
        this(sysroot, journalDir, stateDir, clock, Optional.of(new TaskMoves(sysroot, tasks)));
    }

    private Remediations(Sysroot sysroot, Path journalDir, Path stateDir, Clock clock, Optional<TaskMoves> taskMoves) {
        this.sysroot = sysroot;
        this.journalDir = journalDir;
        this.stateDir = stateDir;
        this.clock = clock;
        this.taskMoves = taskMoves;
    }

    /** Re-applies the drifted settings of the active profiles. */
    public Remediation reapplyDrift() {
        return new ReapplyDrift(sysroot, journalDir, clock);
    }

    /**
     * Moves IRQ {@code irq} off the {@code isolated} CPUs: its affinity becomes what it allows
     * outside them, or {@code housekeeping} when it allows nothing else.
     *
     * @return empty if the IRQ is gone, or already avoids the isolated CPUs
     */
    public Optional<Remediation> moveIrqOffIsolated(int irq, CpuSet isolated, CpuSet housekeeping) {
        String path = "/proc/irq/" + irq + "/smp_affinity_list";
        Optional<String> current = sysroot.readTrimmed(path);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        CpuSet allowed = CpuSet.parseList(current.get());
        if (allowed.and(isolated).isEmpty()) {
            return Optional.empty();
        }
        CpuSet outside = allowed.andNot(isolated);
        CpuSet target = outside.isEmpty() ? housekeeping : outside;
        Change change = new Change("heal.irq", path, ValueFormat.CPU_LIST, allowed.toList(), target.toList(),
                "IRQ " + irq + " may run on isolated CPUs " + allowed.and(isolated).toList());
        return Optional.of(new JournaledChanges(RemediationKind.MOVE_IRQ_OFF_ISOLATED_CPU, "irq/" + irq, List.of(change), sysroot, journalDir, clock));
    }

    /**
     * Moves thread {@code tid} of process {@code pid} off the {@code isolated} CPUs: it keeps what
     * it allows outside them, or gets {@code housekeeping} when it allows nothing else, leaving an
     * isolated cpuset first if it is in one (see {@link TaskMoves}). Journaled with the thread's
     * start time, so a rollback never touches another task that got its id later.
     *
     * @return empty if the thread is gone, or already avoids the isolated CPUs
     * @throws IllegalStateException if these remediations were built without task moves
     */
    public Optional<Remediation> moveTaskOffIsolated(long pid, long tid, CpuSet isolated, CpuSet housekeeping) {
        return taskMoves().of(pid, tid, isolated, housekeeping)
                .map(change -> new JournaledChanges(RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU, "task/" + tid, List.of(change), sysroot, journalDir, clock));
    }

    /**
     * Moves every foreign thread on the isolated CPU {@code cpu} off the {@code isolated} CPUs, as
     * {@link #moveTaskOffIsolated} moves one: for a finding that names the CPU but no task.
     *
     * @return empty if no foreign thread is on it
     * @throws IllegalStateException if these remediations were built without task moves
     */
    public Optional<Remediation> moveTasksOffIsolatedCpu(int cpu, CpuSet isolated, CpuSet housekeeping) {
        List<Change> changes = taskMoves().onCpu(cpu, isolated, housekeeping);
        return changes.isEmpty() ? Optional.empty()
                : Optional.of(new JournaledChanges(RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU, "cpu/" + cpu, changes, sysroot, journalDir, clock));
    }

    private TaskMoves taskMoves() {
        return taskMoves.orElseThrow(() -> new IllegalStateException("these remediations were built without the view of the foreign tasks and the "
                + "isolated cpusets that moving tasks needs"));
    }

    /**
     * Marks a GPU unhealthy so {@code asios run} places nothing new on it.
     *
     * @return empty if it is marked already
     * @throws dev.asios.host.parse.ParseException if the marks file is damaged
     */
    public Optional<Remediation> markGpuUnhealthy(PciAddress gpu, String reason) {
        Path file = stateDir.resolve(UnhealthyGpus.FILE);
        Optional<String> text = sysroot.read(file.toString());
        UnhealthyGpus marks = text.isEmpty() ? UnhealthyGpus.none() : UnhealthyGpus.parse(text.get(), sysroot.resolve(file.toString()).toString());
        if (marks.marked(gpu)) {
            return Optional.empty();
        }
        UnhealthyGpus.Mark mark = new UnhealthyGpus.Mark(clock.instant(), "asios-heal", reason);
        Change change = new Change("heal.gpu", Operation.WRITE_FILE, file.toString(), ValueFormat.PLAIN, text.orElse(Operation.ABSENT),
                marks.with(gpu, mark).render(), "GPU " + gpu + ": " + reason);
        return Optional.of(new JournaledChanges(RemediationKind.MARK_GPU_UNHEALTHY, "gpu/" + gpu, List.of(change), sysroot, journalDir, clock));
    }

    /**
     * Holds a noisy neighbour back: its weights first, its CPU time capped when they are lowered
     * already ({@link NeighbourThrottle}). Subject {@code cgroup/PATH}.
     *
     * @return empty if it is held back as far as {@code throttle} goes already
     */
    public Optional<Remediation> throttleNoisyNeighbour(Neighbour neighbour, Throttle throttle) {
        List<Change> changes = NeighbourThrottle.nextStep(sysroot, neighbour, throttle);
        return changes.isEmpty() ? Optional.empty()
                : Optional.of(new JournaledChanges(RemediationKind.THROTTLE_NOISY_NEIGHBOUR, neighbour.subject(), changes, sysroot, journalDir, clock));
    }

    /**
     * Restarts crashed run {@code runId} as restart {@code attempt} in a row, through the run
     * launcher, from its checkpoint command if it declared one.
     *
     * @return empty if the run no longer needs it (restarted already, or not a crash)
     * @throws IllegalStateException if the run store cannot be read, has no such run, or its request is damaged
     */
    public Optional<Remediation> restartCrashedRun(String runId, int attempt) {
        try (RunStore store = RunStore.open(stateDir)) {
            RunRecord run = store.get(runId).orElseThrow(() -> new IllegalStateException("no run " + runId + " in the run store"));
            if (!RunCrashedRule.crashed(run)) {
                return Optional.empty();
            }
            RunRequest request = RunRequestJson.parse(run.restart().request().orElseThrow());
            return Optional.of(new RestartCrashedRun(stateDir, run, request, attempt, clock));
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
