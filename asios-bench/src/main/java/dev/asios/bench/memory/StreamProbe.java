package dev.asios.bench.memory;

import dev.asios.bench.BenchException;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sys.AnonymousMemory;
import dev.asios.host.sys.NativeException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * ASIOS's STREAM: copy, scale, add and triad over three off-heap arrays of doubles, one platform
 * thread per CPU, each pinned to its CPU and owning a contiguous slice of every array.
 *
 * <p>The arrays are fresh anonymous mappings, aligned to 2 MiB and advised to use transparent huge
 * pages, that each thread first touches itself, so its slice lands on its NUMA node. A pass runs
 * the four kernels in STREAM's order; before each kernel the threads meet at a spinning barrier,
 * and the kernel's time is from the first thread's start to the last thread's end. As STREAM, the
 * first pass is a warm-up and each kernel's best time over the other passes gives its bandwidth,
 * bytes counted as {@link StreamKernel} says. The passes allocate nothing. Immutable; {@link #run}
 * may be called from any thread, once at a time per host for a meaningful number.
 */
public final class StreamProbe {

    private static final long HUGE_PAGE_BYTES = 2L << 20;

    private final CpuSet cpus;
    private final long elementsPerArray;
    private final int passes;

    /**
     * A probe on {@code cpus} over arrays of {@code elementsPerArray} doubles each.
     *
     * @param cpus the CPUs, one thread each; at least one
     * @param elementsPerArray doubles in each array; at least one per CPU
     * @param passes passes of the four kernels, the first not counted; at least 2
     * @throws IllegalArgumentException if a bound above is broken
     */
    public StreamProbe(CpuSet cpus, long elementsPerArray, int passes) {
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("the STREAM probe needs at least one CPU");
        }
        if (elementsPerArray < cpus.size()) {
            throw new IllegalArgumentException("the STREAM probe needs at least one element per CPU: " + elementsPerArray + " elements for "
                    + cpus.size() + " CPUs");
        }
        if (passes < 2) {
            throw new IllegalArgumentException("the STREAM probe needs at least 2 passes (the first is not counted), not " + passes);
        }
        this.cpus = cpus;
        this.elementsPerArray = elementsPerArray;
        this.passes = passes;
    }

    /**
     * Maps the arrays, runs every pass and returns each kernel's best bandwidth; the arrays are
     * unmapped before it returns.
     *
     * @throws BenchException if the arrays cannot be mapped or a thread cannot be pinned to its CPU
     */
    public StreamRates run() throws BenchException {
        int threads = cpus.size();
        long[] startNs = new long[passes * StreamKernel.values().length * threads];
        long[] endNs = new long[startNs.length];
        try (Arena arena = Arena.ofShared()) {
            MemorySegment a = array(arena);
            MemorySegment b = array(arena);
            MemorySegment c = array(arena);
            SpinBarrier barrier = new SpinBarrier(threads);
            List<StreamWorker> workers = new ArrayList<>();
            int[] cpuList = cpus.toArray();
            for (int t = 0; t < threads; t++) {
                long from = elementsPerArray * t / threads;
                long to = elementsPerArray * (t + 1) / threads;
                workers.add(new StreamWorker(cpuList[t], t, threads, passes, slice(a, from, to), slice(b, from, to), slice(c, from, to), barrier,
                        startNs, endNs));
            }
            runAll(workers);
        }
        return rates(startNs, endNs, threads);
    }

    private MemorySegment array(Arena arena) throws BenchException {
        long bytes = elementsPerArray * Double.BYTES;
        try {
            MemorySegment array = AnonymousMemory.map(arena, bytes, HUGE_PAGE_BYTES);
            adviseHugePages(array);
            return array;
        } catch (NativeException e) {
            throw new BenchException("cannot map a STREAM array of " + bytes + " bytes: " + e.getMessage(), e);
        }
    }

    private static void adviseHugePages(MemorySegment array) {
        try {
            AnonymousMemory.adviseHugePages(array);
        } catch (NativeException e) {
            // A kernel without transparent huge pages (EINVAL): the arrays stay on base pages, as a C STREAM's do.
        }
    }

    private static MemorySegment slice(MemorySegment array, long from, long to) {
        return array.asSlice(from * Double.BYTES, (to - from) * Double.BYTES);
    }

    private static void runAll(List<StreamWorker> workers) throws BenchException {
        List<Thread> threads = new ArrayList<>();
        for (StreamWorker worker : workers) {
            threads.add(Thread.ofPlatform().name("asios-stream-cpu" + worker.cpu()).start(worker));
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while the STREAM threads ran", e);
        }
        // The first thread that failed on its own, not because another broke the barrier.
        StreamWorker failed = null;
        for (StreamWorker worker : workers) {
            if (worker.failure() != null && (failed == null || failed.failure() instanceof SpinBarrier.BrokenException)) {
                failed = worker;
            }
        }
        if (failed != null) {
            if (failed.failure() instanceof Error error) {
                throw error;
            }
            throw new BenchException("STREAM thread on CPU " + failed.cpu() + " failed: " + failed.failure().getMessage(), failed.failure());
        }
    }

    private StreamRates rates(long[] startNs, long[] endNs, int threads) {
        StreamKernel[] kernels = StreamKernel.values();
        double[] rates = new double[kernels.length];
        for (StreamKernel kernel : kernels) {
            long bestNs = Long.MAX_VALUE;
            for (int pass = 1; pass < passes; pass++) {
                int first = (pass * kernels.length + kernel.ordinal()) * threads;
                long start = Long.MAX_VALUE;
                long end = Long.MIN_VALUE;
                for (int t = first; t < first + threads; t++) {
                    start = Math.min(start, startNs[t]);
                    end = Math.max(end, endNs[t]);
                }
                bestNs = Math.min(bestNs, Math.max(1, end - start));
            }
            rates[kernel.ordinal()] = kernel.megabytesPerSecond(elementsPerArray, bestNs / 1e9);
        }
        return new StreamRates(rates[0], rates[1], rates[2], rates[3]);
    }
}
