package dev.asios.bench;

import dev.asios.host.parse.CpuSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the user asked of a benchmark; each benchmark takes the options that apply to it and
 * checks them (a {@link BenchException} names the bad one). Immutable.
 *
 * @param rounds how many rounds of probe and reference, alternating; at least 1
 * @param duration how long one round of a timed probe runs (jitter, network)
 * @param cpus the CPUs to measure on; empty for the benchmark's default
 * @param sizeBytes the working size (memory arrays, storage file); empty for the benchmark's default
 * @param directory where storage files go; empty for the benchmark's default
 * @param realtimePriority SCHED_FIFO priority for latency probes; empty for the normal class
 * @param referenceBinary a user's own build of the reference (a STREAM binary); empty to use the packaged tool
 */
public record BenchOptions(int rounds, Duration duration, CpuSet cpus, OptionalLong sizeBytes, Optional<Path> directory,
        OptionalInt realtimePriority, Optional<Path> referenceBinary) {

    /**
     * Checks {@code rounds}, as every benchmark does before it measures.
     *
     * @throws BenchException naming {@code --rounds} when it is below 1
     */
    public void checkRounds() throws BenchException {
        if (rounds < 1) {
            throw new BenchException("--rounds must be at least 1, not " + rounds);
        }
    }

    /** These options with {@code cpus} instead. */
    public BenchOptions withCpus(CpuSet cpus) {
        return new BenchOptions(rounds, duration, cpus, sizeBytes, directory, realtimePriority, referenceBinary);
    }

    /** {@code duration} as {@code asios bench} takes it back: whole seconds as {@code 10s}, else milliseconds as {@code 1500ms}. */
    public static String durationText(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
