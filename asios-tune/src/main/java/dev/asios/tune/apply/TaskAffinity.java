package dev.asios.tune.apply;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sys.Affinity;
import dev.asios.host.sys.NativeException;
import dev.asios.host.sysroot.Sysroot;
import java.io.IOException;

/**
 * Sets the CPUs a task may run on. On the host this is the kernel's {@code sched_setaffinity(2)}
 * ({@link #kernel}); a task's affinity has no file to write, so on a recorded tree, whose
 * {@code /proc} no kernel keeps, the kernel's is refused and tests use an emulation.
 */
public interface TaskAffinity {

    /**
     * Lets task {@code tid} run only on {@code cpus}.
     *
     * @throws IOException if the kernel refuses: the task is gone, or its cpuset allows none of the CPUs
     */
    void set(long tid, CpuSet cpus) throws IOException;

    /** The kernel's, for the host; for a recorded tree, one that refuses (it never touches a task of the machine running the tests). */
    static TaskAffinity kernel(Sysroot sysroot) {
        if (!sysroot.isHost()) {
            return (tid, cpus) -> {
                throw new IOException("the affinity of task " + tid + " cannot be set on the recorded tree " + sysroot.root());
            };
        }
        return (tid, cpus) -> {
            try {
                Affinity.setTask(tid, cpus);
            } catch (NativeException e) {
                throw new IOException(e.getMessage(), e);
            }
        };
    }
}
