package dev.asios.bench.memory;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.host.cpu.Cache;
import dev.asios.host.cpu.CpuTopology;
import dev.asios.host.parse.CpuSet;

/**
 * The CPUs and array size of a memory benchmark, checked against the host. Immutable.
 *
 * @param cpus the CPUs to measure on, all online
 * @param arrayBytes the size of each of the three arrays, in bytes, a multiple of 8 (one double)
 */
public record MemoryPlan(CpuSet cpus, long arrayBytes) {

    /** The smallest array the user may ask for: 1 MiB. */
    public static final long MIN_ARRAY_BYTES = 1L << 20;

    /** The smallest default array: 64 MiB, for hosts whose caches are small or unknown. */
    public static final long MIN_DEFAULT_ARRAY_BYTES = 64L << 20;

    /** The share of {@code MemAvailable} that the three arrays may take together. */
    public static final double MAX_SHARE_OF_AVAILABLE = 0.8;

    /**
     * The plan for {@code options} on a host with {@code cpu} and {@code memAvailableBytes}: the
     * CPUs asked for, or all online CPUs; the size asked for, or four times the last-level cache
     * of the whole host and at least {@link #MIN_DEFAULT_ARRAY_BYTES}; rounded down to whole doubles.
     *
     * @throws BenchException naming {@code --cpus} if a CPU asked for is offline or does not exist,
     *     or {@code --size} if the size is below {@link #MIN_ARRAY_BYTES} or the three arrays
     *     would take more than {@link #MAX_SHARE_OF_AVAILABLE} of {@code MemAvailable}
     */
    public static MemoryPlan of(BenchOptions options, CpuTopology cpu, long memAvailableBytes) throws BenchException {
        CpuSet online = cpu.onlineCpus();
        CpuSet cpus = options.cpus().isEmpty() ? online : options.cpus();
        CpuSet unusable = cpus.andNot(online);
        if (!unusable.isEmpty()) {
            throw new BenchException("--cpus " + cpus.toList() + ": CPUs " + unusable.toList() + " are offline or do not exist; the online CPUs are "
                    + online.toList());
        }
        if (cpus.isEmpty()) {
            throw new BenchException("--cpus: the host lists no online CPU to measure on");
        }
        long bytes;
        if (options.sizeBytes().isPresent()) {
            bytes = options.sizeBytes().getAsLong();
            if (bytes < MIN_ARRAY_BYTES) {
                throw new BenchException("--size " + bytes + ": each array needs at least " + MIN_ARRAY_BYTES + " bytes (1 MiB)");
            }
        } else {
            bytes = defaultArrayBytes(cpu);
        }
        long limit = (long) (memAvailableBytes * MAX_SHARE_OF_AVAILABLE);
        if (bytes > limit / 3) {
            throw new BenchException("--size " + bytes + (options.sizeBytes().isPresent() ? "" : " (the default)") + ": the three arrays need "
                    + 3 * bytes + " bytes, above 80% of MemAvailable (" + limit + " of " + memAvailableBytes + " bytes); the largest size is "
                    + limit / 3);
        }
        return new MemoryPlan(cpus, bytes / Double.BYTES * Double.BYTES);
    }

    /**
     * Four times the total last-level cache of the host (every instance of the highest data cache
     * level, over all sockets), and at least {@link #MIN_DEFAULT_ARRAY_BYTES}: STREAM's rule that
     * each array is at least four times the caches.
     */
    public static long defaultArrayBytes(CpuTopology cpu) {
        int lastLevel = cpu.caches().stream().mapToInt(Cache::level).max().orElse(0);
        long lastLevelBytes = cpu.dataCaches(lastLevel).stream().mapToLong(Cache::sizeBytes).sum();
        return Math.max(4 * lastLevelBytes, MIN_DEFAULT_ARRAY_BYTES);
    }

    /** The doubles in each array. */
    public long elementsPerArray() {
        return arrayBytes / Double.BYTES;
    }
}
