package dev.asios.bench.jitter;

import dev.asios.bench.BenchException;
import dev.asios.bench.place.PinnedThread;
import dev.asios.host.parse.CpuSet;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * ASIOS's OS noise probe: a thread pinned to one CPU spins reading {@code CLOCK_MONOTONIC}, and
 * every gap between two readings longer than the threshold is time the CPU was taken away. The
 * thread stays in {@code SCHED_OTHER}: a real-time spinner would be throttled by the kernel's
 * real-time bandwidth limit (which shows as noise of its own) and would starve the CPU's kernel
 * threads. Each run is on a fresh platform thread that ends with it. Immutable and thread-safe.
 */
public final class OsNoiseProbe {

    /**
     * The default threshold, 1 us: some 30 times the loop's own step (one vDSO clock read through
     * FFM, tens of nanoseconds), and below the shortest interrupt worth counting (a timer tick
     * costs one to a few microseconds).
     */
    public static final long DEFAULT_THRESHOLD_NS = 1_000;

    private final int cpu;
    private final long thresholdNs;

    /**
     * A probe on {@code cpu} that counts gaps above {@code thresholdNs}.
     *
     * @throws IllegalArgumentException if {@code cpu} is negative or {@code thresholdNs} is not positive
     */
    public OsNoiseProbe(int cpu, long thresholdNs) {
        if (cpu < 0) {
            throw new IllegalArgumentException("a CPU number is at least 0, not " + cpu);
        }
        if (thresholdNs <= 0) {
            throw new IllegalArgumentException("the noise threshold must be positive, not " + thresholdNs + " ns");
        }
        this.cpu = cpu;
        this.thresholdNs = thresholdNs;
    }

    /**
     * Spins for {@code duration} (positive) after a warm-up of 0.1 s.
     *
     * @throws BenchException if the thread cannot be pinned
     */
    public OsNoise run(Duration duration) throws BenchException {
        long durationNs = duration.toNanos();
        if (durationNs <= 0) {
            throw new IllegalArgumentException("a probe runs for a positive duration, not " + duration);
        }
        return PinnedThread.run("asios-noise-probe", CpuSet.of(cpu), OptionalInt.empty(), () -> {
            NoiseLoop loop = new NoiseLoop(thresholdNs);
            loop.warmUp();
            loop.record(durationNs);
            return loop.noise();
        });
    }

    /** How a run for {@code duration} measures, in one sentence. */
    public String method(Duration duration) {
        return "a Java thread pinned to CPU " + cpu + " in SCHED_OTHER reads CLOCK_MONOTONIC back to back for " + duration.toMillis()
                + " ms and counts every gap above " + thresholdNs + " ns as OS noise";
    }
}
