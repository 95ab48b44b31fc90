package dev.asios.bench.memory;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sys.Affinity;
import dev.asios.host.sys.NativeException;
import java.lang.foreign.MemorySegment;

/**
 * One thread of the STREAM probe: pins itself to its CPU, first touches its slice of the three
 * arrays (so the pages land on its NUMA node), warms the kernels up, then runs every kernel of every pass between
 * barriers and records when each run started and ended. After setup it allocates nothing. Not
 * thread-safe: one instance runs on one thread.
 */
final class StreamWorker implements Runnable {

    private static final long WARM_UP_ELEMENTS = 2048;
    private static final int WARM_UP_RUNS = 20_000;

    private final int cpu;
    private final int index;
    private final int threads;
    private final int passes;
    private final MemorySegment a;
    private final MemorySegment b;
    private final MemorySegment c;
    private final SpinBarrier barrier;
    private final long[] startNs;
    private final long[] endNs;
    private volatile Throwable failure;

    /**
     * A worker on {@code cpu} that owns the {@code index}-th of {@code threads} slices of the arrays
     * (its own slices: {@code a}, {@code b}, {@code c}) and writes its times into slot
     * {@code (pass * 4 + kernel) * threads + index} of {@code startNs} and {@code endNs}.
     */
    StreamWorker(int cpu, int index, int threads, int passes, MemorySegment a, MemorySegment b, MemorySegment c, SpinBarrier barrier,
            long[] startNs, long[] endNs) {
        this.cpu = cpu;
        this.index = index;
        this.threads = threads;
        this.passes = passes;
        this.a = a;
        this.b = b;
        this.c = c;
        this.barrier = barrier;
        this.startNs = startNs;
        this.endNs = endNs;
    }

    @Override
    public void run() {
        try {
            Affinity.setCurrentThread(CpuSet.of(cpu));
            firstTouch();
            warmUp();
            measure();
        } catch (NativeException | RuntimeException | Error e) {
            failure = e;
            barrier.breakBarrier();
        }
    }

    /** What the worker failed with, or null if it did not; read it after the thread ended. */
    Throwable failure() {
        return failure;
    }

    /** The CPU the worker runs on. */
    int cpu() {
        return cpu;
    }

    private void firstTouch() {
        a.fill((byte) 0);
        b.fill((byte) 0);
        c.fill((byte) 0);
    }

    /**
     * Runs each kernel many times over the start of the slices, so the JIT has compiled the kernel
     * loops fully before the first pass instead of replacing them mid-loop.
     */
    private void warmUp() {
        long bytes = Math.min(a.byteSize(), WARM_UP_ELEMENTS * Double.BYTES);
        MemorySegment warmA = a.asSlice(0, bytes);
        MemorySegment warmB = b.asSlice(0, bytes);
        MemorySegment warmC = c.asSlice(0, bytes);
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            for (StreamKernel kernel : StreamKernel.values()) {
                StreamKernels.run(kernel, warmA, warmB, warmC);
            }
        }
    }

    private void measure() {
        StreamKernel[] kernels = StreamKernel.values();
        for (int pass = 0; pass < passes; pass++) {
            for (StreamKernel kernel : kernels) {
                int slot = (pass * kernels.length + kernel.ordinal()) * threads + index;
                barrier.await();
                startNs[slot] = System.nanoTime();
                StreamKernels.run(kernel, a, b, c);
                endNs[slot] = System.nanoTime();
            }
        }
    }
}
