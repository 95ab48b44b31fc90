package dev.asios.bench;

import java.util.List;

/**
 * The raw samples of one quantity, measured by one tool, with what it takes to reproduce them.
 * Immutable.
 *
 * @param tool who measured: {@code asios} for a probe, else the reference tool's name ({@code cyclictest})
 * @param metric what was measured, for example {@code p99 wake-up latency} or {@code triad bandwidth}
 * @param unit the samples' unit, for example {@code us} or {@code MB/s}
 * @param direction which way is better
 * @param samples one number per round, in the order measured
 * @param method how it was measured, in one or two sentences (sizes, threads, duration)
 * @param command the exact command line that measured it (for a reference tool, its own command;
 *     for a probe, the {@code asios bench} options that repeat it)
 */
public record Measurement(String tool, String metric, String unit, Direction direction, List<Double> samples, String method, List<String> command) {

    /** Creates an immutable copy. */
    public Measurement {
        samples = List.copyOf(samples);
        command = List.copyOf(command);
    }

    /** The median, minimum and maximum of the samples. */
    public Summary summary() {
        return Summary.of(samples);
    }
}
