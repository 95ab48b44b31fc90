package dev.asios.health.rules;

import dev.asios.host.parse.CpuSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The threads on some CPUs that do not belong there: every thread a {@link TaskScanner} finds
 * that last ran on one of them, except kernel threads that belong to their CPU
 * ({@link TaskOnCpu#boundKernelThread()}), threads that may no longer run on it (a sleeping
 * thread's last CPU stays what it was when its affinity changed, as CPU isolation changes every
 * task's), and the tasks of tracked runs, whose ids (process or thread) are asked for only when a
 * thread was found. What {@link ForeignTaskRule} reports and
 * what the healer moves off an isolated CPU. Not thread-safe (the scanner is not).
 */
public final class ForeignTasks {

    private final TaskScanner scanner;
    private final Supplier<Set<Long>> runTaskIds;

    /** Threads found by {@code scanner}, except the tasks {@code runTaskIds} names. */
    public ForeignTasks(TaskScanner scanner, Supplier<Set<Long>> runTaskIds) {
        this.scanner = scanner;
        this.runTaskIds = runTaskIds;
    }

    /** The foreign threads whose last CPU is in {@code cpus}, in pid and tid order; none if {@code cpus} is empty. */
    public List<TaskOnCpu> on(CpuSet cpus) {
        List<TaskOnCpu> foreign = new ArrayList<>();
        Set<Long> runTasks = null;
        for (TaskOnCpu task : scanner.onCpus(cpus)) {
            if (task.boundKernelThread() || !task.allowed().contains(task.cpu())) {
                continue;
            }
            runTasks = runTasks == null ? runTaskIds.get() : runTasks;
            if (!runTasks.contains(task.pid()) && !runTasks.contains(task.tid())) {
                foreign.add(task);
            }
        }
        return foreign;
    }

    /** What the latest scan cost. */
    public TaskScanner.ScanCost lastScanCost() {
        return scanner.lastCost();
    }
}
