package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.findings.Severity;
import dev.asios.host.parse.CpuSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@value #ID}: a thread that is not an ASIOS run's last ran on an isolated CPU. The threads are
 * found by a {@link TaskScanner} every {@code interval} (a scan reads one file per thread of the
 * host), as {@link ForeignTasks}: left out are kernel threads that belong to their CPU
 * ({@link TaskOnCpu#boundKernelThread()}), threads that may no longer run there, and the tasks of
 * tracked runs, whose ids (process or thread) the caller supplies. Subject {@code cpu/N}, one finding per thread
 * ({@code task/TID}); the remediation is to move the task off.
 */
public final class ForeignTaskRule extends RuleBase {

    /** The rule's id. */
    public static final String ID = "task-on-isolated-cpu";
    /** By default: a scan every 5 seconds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** By default: fire on the first scan that finds the thread, clear after 2 scans without it. */
    public static final Hysteresis DEFAULT_HYSTERESIS = new Hysteresis(1, 2);

    private final ForeignTasks foreign;
    private final Supplier<CpuSet> isolatedCpus;

    /**
     * A rule scanning with {@code scanner} for threads on {@code isolatedCpus}, except the tasks
     * {@code runTaskIds} names.
     *
     * @throws IllegalArgumentException if the interval is outside 100 ms .. 1 h
     */
    public ForeignTaskRule(TaskScanner scanner, Supplier<CpuSet> isolatedCpus, Supplier<Set<Long>> runTaskIds, Duration interval,
            Hysteresis hysteresis) {
        super(ID, hysteresis, "task scan interval", interval);
        this.foreign = new ForeignTasks(scanner, runTaskIds);
        this.isolatedCpus = isolatedCpus;
    }

    /** What the latest scan cost. */
    public TaskScanner.ScanCost lastScanCost() {
        return foreign.lastScanCost();
    }

    @Override
    public List<Symptom> check(SignalRound round) {
        List<Symptom> symptoms = new ArrayList<>();
        for (TaskOnCpu task : foreign.on(isolatedCpus.get())) {
            String thread = task.tid() == task.pid() ? "process " + task.pid() : "thread " + task.tid() + " of process " + task.pid();
            symptoms.add(new Symptom("cpu/" + task.cpu(), "task/" + task.tid(), Severity.WARNING,
                    thread + " (" + task.comm() + (task.kernelThread() ? ", a kernel thread" : "") + ") last ran on isolated CPU " + task.cpu()
                            + "; it may run on CPUs " + task.allowed().toList(),
                    Optional.of(RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU),
                    Map.of("pid", Long.toString(task.pid()), "tid", Long.toString(task.tid()), "comm", task.comm(), "cpu", Integer.toString(task.cpu()),
                            "allowed_cpus", task.allowed().toList())));
        }
        return symptoms;
    }
}
