package dev.asios.bench.jitter;

import dev.asios.host.parse.ParseException;
import dev.asios.run.command.BoundedCommand;
import dev.asios.run.command.CommandFailure;
import dev.asios.run.command.CommandResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The jitter reference: cyclictest (rt-tests) with one measurement thread on the probe's CPU, the
 * probe's interval and policy, and a histogram of 10,000 one-microsecond buckets. It runs with
 * {@code --laptop}, so that it leaves {@code /dev/cpu_dma_latency} as the host has it, as the
 * probe does: both measure the host as it is. Immutable and thread-safe.
 */
public final class CyclictestReference {

    /** The histogram's buckets: latencies of 10 ms or more are overflows. */
    static final int HISTOGRAM_US = 10_000;

    // Time beyond the run for cyclictest to start, lock its memory and print.
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Path executable;

    /** The reference that runs {@code executable}, a cyclictest binary. */
    public CyclictestReference(Path executable) {
        this.executable = executable;
    }

    /** The cyclictest found in {@code path} (a {@code PATH} value); empty when there is none. */
    public static Optional<CyclictestReference> find(String path) {
        return CommandResolver.resolve("cyclictest", path).map(CyclictestReference::new);
    }

    /**
     * The command line for one run: {@code duration} rounded up to whole seconds, cyclictest's unit.
     *
     * @param fifoPriority the {@code SCHED_FIFO} priority; empty for {@code SCHED_OTHER}
     */
    public List<String> argv(int cpu, long intervalUs, OptionalInt fifoPriority, Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        List<String> argv = new ArrayList<>(List.of(executable.toString(), "--mlockall", "--laptop"));
        if (fifoPriority.isPresent()) {
            argv.add("--priority=" + fifoPriority.getAsInt());
        } else {
            argv.add("--policy=other");
        }
        argv.addAll(List.of("--threads=1", "--affinity=" + cpu, "--interval=" + intervalUs, "--duration=" + seconds + "s",
                "--histogram=" + HISTOGRAM_US, "--quiet"));
        return List.copyOf(argv);
    }

    /** How cyclictest measures, in one sentence. */
    public String method() {
        return "cyclictest with one measurement thread on the probe's CPU, interval, duration and policy; percentiles from its "
                + "histogram of 1-us buckets, where a percentile among the overflows (" + HISTOGRAM_US + " us or more) is the maximum";
    }

    /**
     * Runs {@code argv} (from {@link #argv}) and reads its histogram.
     *
     * @param duration the run's length, for the time limit
     * @throws CommandFailure if cyclictest cannot start, fails, runs far past its duration, or prints no readable histogram
     */
    public CyclictestHistogram run(List<String> argv, Duration duration) throws CommandFailure {
        String output = BoundedCommand.run(argv, duration.plus(GRACE));
        try {
            return CyclictestHistogramParser.parse(output);
        } catch (ParseException e) {
            throw new CommandFailure("cyclictest printed no readable histogram: " + e.getMessage());
        }
    }
}
