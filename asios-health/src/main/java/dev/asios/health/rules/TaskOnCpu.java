package dev.asios.health.rules;

import dev.asios.host.kernel.TaskStat;
import dev.asios.host.parse.CpuSet;

/**
 * A thread found on a CPU by a {@link TaskScanner}. Immutable.
 *
 * @param pid the process (thread group) id
 * @param tid the thread id; the pid for a process's main thread
 * @param comm the thread's command name
 * @param cpu the CPU it last ran on
 * @param allowed the CPUs it may run on ({@code Cpus_allowed_list})
 * @param flags its {@code PF_*} flags
 */
public record TaskOnCpu(long pid, long tid, String comm, int cpu, CpuSet allowed, long flags) {

    /** True for a kernel thread. */
    public boolean kernelThread() {
        return (flags & TaskStat.KERNEL_THREAD) != 0;
    }

    /**
     * True for a kernel thread that belongs to its CPU: pinned by the kernel
     * ({@code PF_NO_SETAFFINITY}, as {@code migration/N}, {@code cpuhp/N}) or allowed on that CPU
     * alone (as {@code ksoftirqd/N} and the bound {@code kworker/N:M}). Such a thread is part of
     * the CPU, not a task that landed on it.
     */
    public boolean boundKernelThread() {
        return kernelThread() && ((flags & TaskStat.NO_SET_AFFINITY) != 0 || allowed.equals(CpuSet.of(cpu)));
    }
}
