package dev.asios.health.heal;

import dev.asios.health.rules.ForeignTasks;
import java.util.List;

/**
 * What moving tasks off isolated CPUs needs to know of the host besides its files: the foreign
 * threads on a CPU (for a finding that names a CPU but no task, as run-queue latency), and the
 * isolated cpusets a task may sit in, which allow only isolated CPUs, so that such a task first
 * leaves the cpuset. Immutable; {@code foreign} is not thread-safe (the healer uses it from one
 * thread at a time).
 *
 * @param foreign the foreign threads, as {@link dev.asios.health.rules.ForeignTaskRule} sees them
 * @param isolatedCpusets the isolated cpuset folders ({@link dev.asios.health.rules.IsolatedCpus#cpusetFolders()}), host paths
 */
public record IsolatedTasks(ForeignTasks foreign, List<String> isolatedCpusets) {

    /** Copies the list. */
    public IsolatedTasks {
        isolatedCpusets = List.copyOf(isolatedCpusets);
    }
}
