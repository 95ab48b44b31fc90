package dev.asios.bench.place;

import dev.asios.bench.BenchException;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sys.Affinity;
import dev.asios.host.sys.NativeException;
import dev.asios.host.sys.SchedulingClass;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a probe on a fresh platform thread pinned to some CPUs, optionally at a {@code SCHED_FIFO}
 * priority, and waits for it to end. The thread ends with the probe, so nothing is restored; a
 * process the probe starts inherits the pinning and the priority. Stateless and thread-safe.
 */
public final class PinnedThread {

    /** The probe's work, on the pinned thread. */
    @FunctionalInterface
    public interface Work<T> {

        /** Does the work and returns its result. */
        T run() throws Exception;
    }

    private PinnedThread() {
    }

    /**
     * Runs {@code work} on a new thread named {@code name}, pinned to {@code cpus} (not empty).
     *
     * @param fifoPriority the {@code SCHED_FIFO} priority; empty to stay in the normal class
     * @throws BenchException if the thread cannot be pinned or raised (naming {@code --cpus} or {@code --rt}), or the work fails
     */
    public static <T> T run(String name, CpuSet cpus, OptionalInt fifoPriority, Work<T> work) throws BenchException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name(name).start(() -> {
            try {
                place(cpus, fifoPriority);
                result.set(work.run());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        try {
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new BenchException(name + " was interrupted", e);
        }
        if (failure.get() instanceof BenchException e) {
            throw e;
        }
        if (failure.get() != null) {
            throw new BenchException(name + " on CPUs " + cpus.toList() + " failed: " + failure.get().getMessage(), failure.get());
        }
        return result.get();
    }

    private static void place(CpuSet cpus, OptionalInt fifoPriority) throws BenchException {
        try {
            Affinity.setCurrentThread(cpus);
        } catch (NativeException e) {
            throw new BenchException("--cpus: cannot pin the probe to CPUs " + cpus.toList() + ": " + e.getMessage(), e);
        }
        if (fifoPriority.isPresent()) {
            try {
                SchedulingClass.setCurrentThread(SchedulingClass.Policy.FIFO, fifoPriority.getAsInt());
            } catch (NativeException e) {
                throw new BenchException("--rt: SCHED_FIFO priority " + fifoPriority.getAsInt()
                        + " needs root or CAP_SYS_NICE: " + e.getMessage(), e);
            }
        }
    }
}
