package dev.asios.bench.e2e;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Benchmark;
import dev.asios.bench.Progress;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import dev.asios.bench.child.ChildProcess;
import dev.asios.bench.place.BenchCage;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sys.Affinity;
import dev.asios.host.sys.NativeException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import dev.asios.run.command.CommandFailure;
import dev.asios.run.command.CommandResolver;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The end-to-end AI target: an inference server on {@link MlpModel#standard()}, one pinned worker
 * on each of {@code --cpus} (by default the last online CPU), in a child JVM started for each
 * round ({@link InferenceServerProbe}), inside the isolated cpuset when an active profile isolates
 * those CPUs. Each round measures the closed-loop throughput, then the open loop's latencies at
 * {@code --load} of it against {@code --sla}, while stress-ng hogs the other CPUs the benchmark
 * may use ({@link StressNgNeighbours}; none with {@code --neighbours none}, on a host with no other
 * CPU, or without stress-ng, and the method says so). The neighbours are stopped after every
 * round, also when it fails. The headline is the throughput in inferences a second, higher is
 * better; there is no reference tool: the reference is the same run on the untuned host
 * ({@code --ab}). Options used: rounds, duration (1 s to 1 h, whole milliseconds), cpus; the
 * others are ignored. Immutable and thread-safe, though runs side by side spoil each other's numbers.
 */
public final class E2eBenchmark implements Benchmark {

    private static final String ONLINE = "/sys/devices/system/cpu/online";
    private static final Duration SHORTEST_ROUND = Duration.ofSeconds(1);
    private static final Duration LONGEST_ROUND = Duration.ofHours(1);
    private static final String STEP = "e2e rounds";

    private final Sysroot sysroot;
    private final String path;
    private final E2eSettings settings;

    /** The benchmark on this host with {@code settings}, finding stress-ng in the {@code PATH} of the environment. */
    public E2eBenchmark(E2eSettings settings) {
        this(Sysroot.host(), Objects.requireNonNullElse(System.getenv("PATH"), ""), settings);
    }

    /** The benchmark that reads the online CPUs through {@code sysroot} and finds stress-ng in {@code path} (a {@code PATH} value). */
    public E2eBenchmark(Sysroot sysroot, String path, E2eSettings settings) {
        this.sysroot = sysroot;
        this.path = path;
        this.settings = settings;
    }

    @Override
    public Target target() {
        return Target.E2E;
    }

    /**
     * Measures.
     *
     * @throws BenchException naming {@code --rounds} (below 1), {@code --duration} (not 1 s to 1 h in
     *     whole milliseconds), {@code --cpus} (a CPU that is not online), {@code --sla} or
     *     {@code --load}; or when the server or the neighbours fail
     */
    @Override
    public TargetResult run(BenchOptions options, Progress progress) throws BenchException {
        Duration duration = checked(options);
        CpuSet online = new SysrootValues(sysroot).cpuList(ONLINE)
                .orElseThrow(() -> new BenchException("cannot read the online CPUs from " + ONLINE));
        CpuSet workers = workers(options.cpus(), online);
        InferenceServerProbe probe = new InferenceServerProbe(workers, settings.load(), settings.sla());
        Optional<StressNgNeighbours> neighbours = neighbours(online.andNot(workers));
        String neighboursMethod = neighbours.map(n -> n.describe(probe.timeout(duration))).orElseGet(() -> noNeighbours(online.andNot(workers)));
        E2eRounds rounds = new E2eRounds();
        try (BenchCage cage = BenchCage.forCpus(sysroot, workers).orElse(null)) {
            UnaryOperator<List<String>> placement = cage == null ? UnaryOperator.identity() : cage::wrap;
            for (int round = 0; round < options.rounds(); round++) {
                progress.step(STEP, round, options.rounds());
                rounds.add(measure(probe, neighbours, duration, placement, round + 1));
            }
            progress.step(STEP, options.rounds(), options.rounds());
            String where = cage == null ? "started plainly (the workers pin themselves; the JVM's other threads are not pinned)" : cage.describe();
            return rounds.result(method(workers, duration, where, neighboursMethod), command(options, workers, duration), settings.sla());
        }
    }

    private Duration checked(BenchOptions options) throws BenchException {
        options.checkRounds();
        Duration duration = options.duration();
        if (duration.compareTo(SHORTEST_ROUND) < 0 || duration.compareTo(LONGEST_ROUND) > 0 || duration.toNanosPart() % 1_000_000 != 0) {
            throw new BenchException("--duration: an e2e round lasts from 1 s to 1 h in whole milliseconds (half closed loop, half open loop), not "
                    + duration.toNanos() + " ns");
        }
        settings.check();
        return duration;
    }

    private static CpuSet workers(CpuSet asked, CpuSet online) throws BenchException {
        if (online.isEmpty()) {
            throw new BenchException(ONLINE + " lists no CPU");
        }
        if (asked.isEmpty()) {
            int[] all = online.toArray();
            return CpuSet.of(all[all.length - 1]);
        }
        if (!online.containsAll(asked)) {
            throw new BenchException("--cpus: CPUs " + asked.andNot(online).toList() + " are not online; online CPUs are " + online.toList());
        }
        return asked;
    }

    /** stress-ng on the {@code others} this process may run on, unless turned off, impossible or not installed. */
    private Optional<StressNgNeighbours> neighbours(CpuSet others) {
        CpuSet free = others.and(allowed(others));
        if (settings.neighbours() == Neighbours.NONE || free.isEmpty()) {
            return Optional.empty();
        }
        return CommandResolver.resolve("stress-ng", path).map(stressNg -> new StressNgNeighbours(stressNg, free));
    }

    private String noNeighbours(CpuSet others) {
        if (settings.neighbours() == Neighbours.NONE) {
            return "no noisy neighbours (--neighbours none)";
        }
        if (others.and(allowed(others)).isEmpty()) {
            return "no noisy neighbours: no CPU is left besides the workers'";
        }
        return "no noisy neighbours: stress-ng is not installed (none in PATH; it comes in the stress-ng package)";
    }

    /** The CPUs this process may run on (its cpuset, which leaves out the CPUs a profile isolates); {@code fallback} if unreadable. */
    private static CpuSet allowed(CpuSet fallback) {
        try {
            return Affinity.ofTask(ProcessHandle.current().pid());
        } catch (NativeException e) {
            return fallback;
        }
    }

    private static ServerRound measure(InferenceServerProbe probe, Optional<StressNgNeighbours> neighbours, Duration duration,
            UnaryOperator<List<String>> placement, int round) throws BenchException {
        if (neighbours.isEmpty()) {
            return probe.measure(duration, placement);
        }
        try (ChildProcess noise = neighbours.get().start(probe.timeout(duration))) {
            ServerRound measured = probe.measure(duration, placement);
            noise.checkAlive();
            return measured;
        } catch (CommandFailure e) {
            throw new BenchException("the noisy neighbours stopped during round " + round + ": " + e.getMessage()
                    + " (or run with --neighbours none)", e);
        }
    }

    private String method(CpuSet workers, Duration duration, String where, String neighbours) {
        String phase = BenchOptions.durationText(duration.dividedBy(2));
        return MlpModel.describeStandard() + "; one worker thread on each of CPUs " + workers.toList() + ", pinned, batch 1, in a child JVM"
                + " started for each round, " + where + "; a round is " + InferenceServerProbe.WARMUP_MS + " ms of warm-up, " + phase
                + " of closed loop (inferences back to back on every worker; throughput = their sum), then " + phase + " of open loop at "
                + settings.load() + " x that throughput, split evenly over the workers on constant-rate schedules; a request's latency runs"
                + " from its intended arrival to its completion, so queueing behind a late request counts (no coordinated omission), in whole"
                + " microseconds (HdrHistogram, 3 significant digits), against an SLA of " + BenchOptions.durationText(settings.sla()) + "; "
                + neighbours + ".";
    }

    private List<String> command(BenchOptions options, CpuSet workers, Duration duration) {
        return List.of("asios", "bench", Target.E2E.cliName(), "--rounds=" + options.rounds(), "--duration=" + BenchOptions.durationText(duration),
                "--cpus=" + workers.toList(), "--sla=" + BenchOptions.durationText(settings.sla()), "--load=" + settings.load(),
                "--neighbours=" + settings.neighbours().cliName());
    }
}
