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
 * host). Left out: kernel threads that belong to their CPU ({@link TaskOnCpu#boundKernelThread()}),
 * and the tasks of tracked runs, whose ids (process or thread) the caller supplies, asked for
 * only when a thread was found. Subject {@code cpu/N}, one finding per thread
 * ({@code task/TID}); the remediation is to move the task off.
 */
public final class ForeignTaskRule extends RuleBase {

    /** The rule's id. */
    public static final String ID = "task-on-isolated-cpu";
    /** By default: a scan every 5 seconds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** By default: fire on the first scan that finds the thread, clear after 2 scans without it. */
    public static final Hysteresis DEFAULT_HYSTERESIS = new Hysteresis(1, 2);

    private final TaskScanner scanner;
    private final Supplier<CpuSet> isolatedCpus;
    private final Supplier<Set<Long>> runTaskIds;

    /**
     * A rule scanning with {@code scanner} for threads on {@code isolatedCpus}, except the tasks
     * {@code runTaskIds} names.
     *
     * @throws IllegalArgumentException if the interval is outside 100 ms .. 1 h
     */
    public ForeignTaskRule(TaskScanner scanner, Supplier<CpuSet> isolatedCpus, Supplier<Set<Long>> runTaskIds, Duration interval,
            Hysteresis hysteresis) {
        super(ID, hysteresis, "task scan interval", interval);
        this.scanner = scanner;
        this.isolatedCpus = isolatedCpus;
        this.runTaskIds = runTaskIds;
    }

    /** What the latest scan cost. */
    public TaskScanner.ScanCost lastScanCost() {
        return scanner.lastCost();
    }

    @Override
    public List<Symptom> check(SignalRound round) {
        List<TaskOnCpu> found = scanner.onCpus(isolatedCpus.get());
        List<Symptom> symptoms = new ArrayList<>();
        Set<Long> runTasks = null;
        for (TaskOnCpu task : found) {
            if (task.boundKernelThread()) {
                continue;
            }
            runTasks = runTasks == null ? runTaskIds.get() : runTasks;
            if (runTasks.contains(task.pid()) || runTasks.contains(task.tid())) {
                continue;
            }
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
