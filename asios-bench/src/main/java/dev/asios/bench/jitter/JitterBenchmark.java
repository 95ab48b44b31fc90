package dev.asios.bench.jitter;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Benchmark;
import dev.asios.bench.Progress;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import dev.asios.bench.place.BenchCage;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import dev.asios.run.command.CommandFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The scheduling-jitter target. On one CPU (the last of {@code --cpus}, by default the last online
 * CPU) each round runs, for {@code --duration} each: the {@link TimerWakeupProbe}, cyclictest with
 * the same interval, CPU and policy, and the {@link OsNoiseProbe}. The headline is the p99 wake-up
 * latency in microseconds, one sample per round; p50, p99.9, the maximum and the OS noise come as
 * extra measurements. Without cyclictest, or when it fails, the probes run alone and the result
 * says why. Options used: rounds, duration, cpus, realtimePriority. Immutable and thread-safe, but
 * runs on the same CPU disturb each other.
 */
public final class JitterBenchmark implements Benchmark {

    /** The longest round: one hour. */
    public static final Duration LONGEST_ROUND = Duration.ofHours(1);

    private static final String ONLINE = "/sys/devices/system/cpu/online";
    private static final String STEP = "jitter rounds";

    private final Sysroot sysroot;
    private final String path;

    /** The benchmark on this host, finding cyclictest in the {@code PATH} of the environment. */
    public JitterBenchmark() {
        this(Sysroot.host(), Objects.requireNonNullElse(System.getenv("PATH"), ""));
    }

    /** The benchmark that reads the online CPUs through {@code sysroot} and finds cyclictest in {@code path} (a {@code PATH} value). */
    public JitterBenchmark(Sysroot sysroot, String path) {
        this.sysroot = sysroot;
        this.path = path;
    }

    @Override
    public Target target() {
        return Target.JITTER;
    }

    /**
     * Measures.
     *
     * @throws BenchException naming {@code --rounds} (below 1), {@code --duration} (not in (0, 1 h]),
     *     {@code --cpus} (a CPU that is not online), {@code --rt} (not 1..99, or not allowed), or
     *     when the probe cannot run
     */
    @Override
    public TargetResult run(BenchOptions options, Progress progress) throws BenchException {
        int cpu = cpu(options.cpus());
        Duration duration = checked(options);
        Optional<CyclictestReference> reference = CyclictestReference.find(path);
        List<String> argv = reference.map(r -> r.argv(cpu, TimerWakeupProbe.DEFAULT_INTERVAL_US, options.realtimePriority(), duration))
                .orElse(List.of());
        Optional<String> missing = reference.isPresent() ? Optional.empty()
                : Optional.of("cyclictest is not installed (none in PATH; it comes in the rt-tests package)");
        Optional<BenchCage> cage = BenchCage.forCpus(sysroot, CpuSet.of(cpu));
        try {
            ProbeRunner probes = new ProbeRunner(cpu, TimerWakeupProbe.DEFAULT_INTERVAL_US, options.realtimePriority(), cage);
            JitterRounds rounds = new JitterRounds();
            for (int round = 0; round < options.rounds(); round++) {
                progress.step(STEP, round, options.rounds());
                rounds.probe(probes.wakeup(duration, rounds.probeCounts()));
                if (missing.isEmpty()) {
                    try {
                        rounds.reference(reference.orElseThrow().run(probes.reference(argv), duration));
                    } catch (CommandFailure e) {
                        missing = Optional.of("cyclictest failed in round " + (round + 1) + ": " + e.getMessage());
                    }
                }
                rounds.noise(probes.noise(duration));
            }
            progress.step(STEP, options.rounds(), options.rounds());
            String referenceMethod = reference.map(CyclictestReference::method).orElse("");
            return rounds.result(probes.wakeupMethod(duration), probes.noiseMethod(duration), command(options, cpu, duration), referenceMethod,
                    probes.reference(argv), missing);
        } finally {
            if (cage.isPresent()) {
                cage.get().close();
            }
        }
    }

    private int cpu(CpuSet asked) throws BenchException {
        CpuSet online = new SysrootValues(sysroot).cpuList(ONLINE)
                .orElseThrow(() -> new BenchException("cannot read the online CPUs from " + ONLINE));
        if (online.isEmpty()) {
            throw new BenchException(ONLINE + " lists no CPU");
        }
        int[] cpus = (asked.isEmpty() ? online : asked).toArray();
        int cpu = cpus[cpus.length - 1];
        if (!online.contains(cpu)) {
            throw new BenchException("--cpus: CPU " + cpu + " is not online; online CPUs are " + online.toList());
        }
        return cpu;
    }

    private static Duration checked(BenchOptions options) throws BenchException {
        options.checkRounds();
        Duration duration = options.duration();
        if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST_ROUND) > 0) {
            throw new BenchException("--duration: a round lasts more than 0 s and at most 1 h, not " + BenchOptions.durationText(duration));
        }
        OptionalInt priority = options.realtimePriority();
        if (priority.isPresent() && (priority.getAsInt() < 1 || priority.getAsInt() > 99)) {
            throw new BenchException("--rt: a SCHED_FIFO priority is 1..99, not " + priority.getAsInt());
        }
        return duration;
    }

    private static List<String> command(BenchOptions options, int cpu, Duration duration) {
        List<String> command = new ArrayList<>(List.of("asios", "bench", Target.JITTER.cliName(), "--rounds=" + options.rounds(),
                "--duration=" + BenchOptions.durationText(duration), "--cpus=" + cpu));
        options.realtimePriority().ifPresent(priority -> command.add("--rt=" + priority));
        return List.copyOf(command);
    }
}
