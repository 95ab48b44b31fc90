package dev.asios.bench.e2e;

import dev.asios.bench.BenchException;
import java.time.Duration;

/**
 * The e2e target's own options, beside {@link dev.asios.bench.BenchOptions}. Immutable; checked
 * by {@link #check}, which the benchmark calls before it runs (and a caller may call earlier).
 *
 * @param sla the latency objective of one request ({@code --sla}): whole milliseconds, more than 0, at most 1 h
 * @param load the open loop's rate as a fraction of the closed loop's throughput ({@code --load}): above 0, at most 1
 * @param neighbours what runs on the other CPUs ({@code --neighbours})
 */
public record E2eSettings(Duration sla, double load, Neighbours neighbours) {

    private static final Duration LONGEST_SLA = Duration.ofHours(1);

    /**
     * Checks the settings.
     *
     * @throws BenchException naming {@code --sla} or {@code --load}, the bounds and the value
     */
    public void check() throws BenchException {
        if (sla.isNegative() || sla.isZero() || sla.compareTo(LONGEST_SLA) > 0 || sla.toNanosPart() % 1_000_000 != 0) {
            throw new BenchException("--sla: the latency objective is whole milliseconds, more than 0 and at most 1 h, not " + sla.toNanos() + " ns");
        }
        if (!(load > 0 && load <= 1)) {
            throw new BenchException("--load: the open loop's rate is a fraction of the measured throughput above 0 and at most 1, not " + load);
        }
    }
}
