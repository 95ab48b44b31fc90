package dev.asios.bench.jitter;

import dev.asios.bench.BenchException;
import dev.asios.bench.LatencyCounts;
import dev.asios.bench.child.ChildJvm;
import dev.asios.bench.place.BenchCage;
import dev.asios.host.parse.ParseException;
import dev.asios.run.command.BoundedCommand;
import dev.asios.run.command.CommandFailure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs the jitter probes and cyclictest where the measured CPU can be used: in this JVM, or,
 * when an active profile isolates the CPU, as processes inside a {@link BenchCage} (the probes then
 * run in a child JVM, {@link JitterProbeMain}). Not thread-safe.
 */
final class ProbeRunner {

    // Time beyond a probe's run for its JVM to start and warm up.
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final int HEAP_MIB = 64;

    private final TimerWakeupProbe wakeup;
    private final OsNoiseProbe noise;
    private final Optional<BenchCage> cage;
    private final int cpu;
    private final long intervalUs;
    private final String priority;

    ProbeRunner(int cpu, long intervalUs, OptionalInt fifoPriority, Optional<BenchCage> cage) {
        this.wakeup = new TimerWakeupProbe(cpu, intervalUs, fifoPriority);
        this.noise = new OsNoiseProbe(cpu, OsNoiseProbe.DEFAULT_THRESHOLD_NS);
        this.cage = cage;
        this.cpu = cpu;
        this.intervalUs = intervalUs;
        this.priority = fifoPriority.isPresent() ? Integer.toString(fifoPriority.getAsInt()) : "-";
    }

    /** Runs the wake-up probe for {@code duration}, adding its latencies to {@code counts}. */
    WakeupLatency wakeup(Duration duration, LatencyCounts counts) throws BenchException {
        if (cage.isEmpty()) {
            return wakeup.run(duration, counts);
        }
        List<String> lines = child(duration, "wakeup", Integer.toString(cpu), Long.toString(intervalUs), Long.toString(duration.toMillis()), priority);
        try {
            WakeupLatency latency = JitterProbeLines.parseLatency(line(lines, JitterProbeLines.LATENCY));
            JitterProbeLines.parseCounts(line(lines, JitterProbeLines.COUNTS), counts);
            return latency;
        } catch (ParseException e) {
            throw new BenchException("the wake-up probe in the isolated cpuset printed " + e.getMessage(), e);
        }
    }

    /** Runs the OS noise probe for {@code duration}. */
    OsNoise noise(Duration duration) throws BenchException {
        if (cage.isEmpty()) {
            return noise.run(duration);
        }
        List<String> lines = child(duration, "noise", Integer.toString(cpu), Long.toString(OsNoiseProbe.DEFAULT_THRESHOLD_NS), Long.toString(duration.toMillis()));
        try {
            return JitterProbeLines.parseNoise(line(lines, JitterProbeLines.NOISE));
        } catch (ParseException e) {
            throw new BenchException("the noise probe in the isolated cpuset printed " + e.getMessage(), e);
        }
    }

    /** Cyclictest's command line, made to start inside the cage when there is one. */
    List<String> reference(List<String> argv) {
        return cage.map(c -> c.wrap(argv)).orElse(argv);
    }

    /** The wake-up probe's method sentence. */
    String wakeupMethod(Duration duration) {
        return wakeup.method(duration) + where();
    }

    /** The noise probe's method sentence. */
    String noiseMethod(Duration duration) {
        return noise.method(duration) + where();
    }

    private String where() {
        return cage.map(c -> "; run in a child JVM " + c.describe()).orElse("");
    }

    private List<String> child(Duration duration, String... arguments) throws BenchException {
        List<String> argv = cage.orElseThrow().wrap(ChildJvm.command(JitterProbeMain.class, HEAP_MIB, arguments));
        try {
            return BoundedCommand.run(argv, duration.plus(GRACE)).lines().toList();
        } catch (CommandFailure e) {
            throw new BenchException("the " + arguments[0] + " probe in the isolated cpuset failed: " + e.getMessage(), e);
        }
    }

    private static String line(List<String> lines, String kind) throws ParseException {
        return lines.stream().filter(l -> l.startsWith(kind + " ")).findFirst()
                .orElseThrow(() -> new ParseException("no '" + kind + "' line in: " + String.join(" | ", lines)));
    }
}
