package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.asios.host.parse.CpuSet;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The CPU affinity of a thread, through {@code sched_getaffinity(2)} and {@code sched_setaffinity(2)}.
 *
 * <p>Affinity belongs to one OS thread. The {@code CurrentThread} methods act on the calling
 * thread and refuse virtual threads (their carrier is shared). Threads and processes the thread
 * creates afterwards inherit the affinity: a child started with {@link ProcessBuilder} from it
 * ({@code posix_spawn}, {@code fork}), and also any JVM thread it happens to create, such as the
 * JDK's "process reaper" when {@code ProcessBuilder.start()} finds none idle. Stateless and
 * thread-safe.
 */
public final class Affinity {

    // 8192 CPUs, the largest NR_CPUS of common kernels; doubled while the kernel says EINVAL.
    private static final int FIRST_MASK_BITS = 8192;

    private static final NativeCall SCHED_GETAFFINITY = Libc.function("sched_getaffinity", JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);
    private static final NativeCall SCHED_SETAFFINITY = Libc.function("sched_setaffinity", JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);

    private Affinity() {
    }

    /**
     * The CPUs the calling thread may run on.
     *
     * @throws IllegalStateException on a virtual thread
     * @throws NativeException if the kernel refuses
     */
    public static CpuSet ofCurrentThread() throws NativeException {
        Libc.requirePlatformThread("Affinity.ofCurrentThread");
        return read(0, "");
    }

    /**
     * The CPUs task {@code tid} may run on: a thread id, or a process id for its main thread.
     *
     * @throws IllegalArgumentException if {@code tid} is not in 1..2^31-1
     * @throws NativeException {@code ESRCH} if there is no such task, {@code EPERM} if not allowed
     */
    public static CpuSet ofTask(long tid) throws NativeException {
        if (tid <= 0 || tid > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("task id must be in 1.." + Integer.MAX_VALUE + ", not " + tid);
        }
        return read((int) tid, "for task " + tid);
    }

    /**
     * Lets the calling thread run only on {@code cpus}. The kernel intersects the set with the
     * CPUs that exist, are online and that the thread's cpuset allows.
     *
     * @throws IllegalArgumentException if {@code cpus} is empty
     * @throws IllegalStateException on a virtual thread
     * @throws NativeException {@code EINVAL} if no CPU of the set is usable, for example one that does not exist
     */
    public static void setCurrentThread(CpuSet cpus) throws NativeException {
        Libc.requirePlatformThread("Affinity.setCurrentThread");
        write(0, cpus, "to CPUs " + cpus.toList());
    }

    /**
     * Lets task {@code tid} (a thread id, or a process id for its main thread) run only on
     * {@code cpus}. The kernel intersects the set with the CPUs that exist, are online and that
     * the task's cpuset allows.
     *
     * @throws IllegalArgumentException if {@code tid} is not in 1..2^31-1, or {@code cpus} is empty
     * @throws NativeException {@code ESRCH} if there is no such task, {@code EPERM} if not allowed,
     *     {@code EINVAL} if no CPU of the set is usable by the task (its cpuset allows none of them)
     */
    public static void setTask(long tid, CpuSet cpus) throws NativeException {
        if (tid <= 0 || tid > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("task id must be in 1.." + Integer.MAX_VALUE + ", not " + tid);
        }
        write((int) tid, cpus, "for task " + tid + " to CPUs " + cpus.toList());
    }

    private static void write(int tid, CpuSet cpus, String context) throws NativeException {
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("an affinity needs at least one CPU");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = Bitmask.of(arena, cpus);
            SCHED_SETAFFINITY.invokeFor(context, tid, mask.byteSize(), mask);
        }
    }

    private static CpuSet read(int tid, String context) throws NativeException {
        int bits = FIRST_MASK_BITS;
        while (true) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment mask = Bitmask.allocate(arena, bits);
                SCHED_GETAFFINITY.invokeFor(context, tid, mask.byteSize(), mask);
                return Bitmask.read(mask);
            } catch (NativeException e) {
                if (e.errno() != Libc.EINVAL || bits > CpuSet.MAX_CPU) {
                    throw e;
                }
                bits *= 2;
            }
        }
    }
}
