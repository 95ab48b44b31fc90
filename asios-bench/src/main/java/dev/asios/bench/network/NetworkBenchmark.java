package dev.asios.bench.network;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Benchmark;
import dev.asios.bench.Direction;
import dev.asios.bench.Measurement;
import dev.asios.bench.Progress;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import dev.asios.run.command.CommandFailure;
import dev.asios.run.command.CommandResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The network target: TCP throughput of one path ({@link NetworkPath}), measured round by round by
 * ASIOS's {@link TcpSink}/{@link TcpSource} pair and then by iperf3 on the same path, with the same
 * number of streams, duration, 1 s warm-up and CPUs. The headline is {@value #METRIC} in {@value
 * #UNIT} (10^9 bit/s), higher is better.
 *
 * <p>Options used: {@code rounds} (at least 1), {@code duration} (whole seconds, from 1 s to 10
 * min, as iperf3's {@code -t} takes whole seconds), {@code cpus} (split between receiver and sender,
 * see {@link Pinning#split}) and {@code referenceBinary} (an iperf3 to use instead of the one in
 * {@code PATH}); the others do not apply and are ignored. Without iperf3, or when it fails, the
 * probe runs alone and the result says why in {@code referenceMissing}. The veth path needs root
 * and iproute2's {@code ip}; it makes its namespaces before the first round and removes them after
 * the last, also when a round fails. Immutable and thread-safe, though runs side by side spoil each
 * other's numbers.
 */
public final class NetworkBenchmark implements Benchmark {

    /** The headline's name. */
    public static final String METRIC = "TCP throughput";

    /** The headline's unit: 10^9 bits per second. */
    public static final String UNIT = "Gbit/s";

    /** The longest round accepted. */
    public static final Duration MAX_DURATION = Duration.ofMinutes(10);

    /** The most parallel streams accepted. */
    public static final int MAX_STREAMS = 128;

    private final NetworkPath path;
    private final int streams;

    /** One stream over loopback. */
    public NetworkBenchmark() {
        this(NetworkPath.LOOPBACK, 1);
    }

    /** One stream over {@code path}. */
    public NetworkBenchmark(NetworkPath path) {
        this(path, 1);
    }

    /**
     * {@code streams} parallel TCP streams (as iperf3's {@code -P}) over {@code path}.
     *
     * @throws IllegalArgumentException if {@code streams} is not from 1 to {@value #MAX_STREAMS}
     */
    public NetworkBenchmark(NetworkPath path, int streams) {
        if (streams < 1 || streams > MAX_STREAMS) {
            throw new IllegalArgumentException("streams must be from 1 to " + MAX_STREAMS + ", not " + streams);
        }
        this.path = Objects.requireNonNull(path, "path");
        this.streams = streams;
    }

    @Override
    public Target target() {
        return Target.NETWORK;
    }

    /**
     * Measures the path.
     *
     * @throws BenchException if {@code --rounds} or {@code --duration} is out of range, the veth path
     *     lacks root or {@code ip}, or the probe fails (never for a missing or failing iperf3)
     */
    @Override
    public TargetResult run(BenchOptions options, Progress progress) throws BenchException {
        Duration duration = checkedDuration(options);
        String searchPath = Objects.requireNonNullElse(System.getenv("PATH"), "");
        Optional<Path> iperf3 = options.referenceBinary().or(() -> CommandResolver.resolve("iperf3", searchPath));
        Pinning pinning = Pinning.split(options.cpus());
        if (path == NetworkPath.LOOPBACK) {
            return measure(Endpoints.loopback(), iperf3, pinning, options, progress);
        }
        Path ip = CommandResolver.resolve("ip", searchPath)
                .orElseThrow(() -> new BenchException("the veth path needs the ip command of iproute2, and PATH has none"));
        try (VethNamespaces veth = VethNamespaces.create(ip)) {
            return measure(veth.endpoints(), iperf3, pinning, options, progress);
        }
    }

    /**
     * The round duration of {@code options}, checked with the round count.
     *
     * @throws BenchException naming {@code --rounds} or {@code --duration}, the bound and the value
     */
    static Duration checkedDuration(BenchOptions options) throws BenchException {
        options.checkRounds();
        Duration duration = options.duration();
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0 || duration.toNanosPart() != 0) {
            throw new BenchException("--duration must be whole seconds from 1 s to " + MAX_DURATION.toMinutes() + " min for the network target, not "
                    + duration.toMillis() + " ms");
        }
        return duration;
    }

    private TargetResult measure(Endpoints endpoints, Optional<Path> iperf3, Pinning pinning, BenchOptions options, Progress progress)
            throws BenchException {
        TcpStreamProbe probe = new TcpStreamProbe(endpoints, streams, pinning);
        Optional<Iperf3Reference> reference = iperf3.map(binary -> new Iperf3Reference(binary, endpoints, streams, pinning));
        Optional<String> referenceMissing = reference.isPresent() ? Optional.empty() : Optional.of("iperf3 is not installed (none in PATH)");
        List<Double> probeGbps = new ArrayList<>();
        List<Double> referenceGbps = new ArrayList<>();
        Optional<Iperf3Reference.Round> lastRound = Optional.empty();
        for (int round = 1; round <= options.rounds(); round++) {
            probeGbps.add(probe.measureGbitPerSecond(options.duration()));
            if (reference.isPresent() && referenceMissing.isEmpty()) {
                try {
                    Iperf3Reference.Round measured = reference.get().measure(options.duration());
                    referenceGbps.add(measured.bitsPerSecond() / 1e9);
                    lastRound = Optional.of(measured);
                } catch (CommandFailure e) {
                    referenceMissing = Optional.of("iperf3 failed in round " + round + ": " + e.getMessage());
                }
            }
            progress.step("network " + path.cliName() + " round", round, options.rounds());
        }
        Measurement probeResult = new Measurement("asios", METRIC, UNIT, Direction.HIGHER_IS_BETTER, probeGbps,
                probeMethod(endpoints, pinning, options.duration()), probeCommand(options));
        Optional<Measurement> referenceResult = referenceMissing.isPresent() ? Optional.empty()
                : lastRound.map(last -> new Measurement("iperf3", METRIC, UNIT, Direction.HIGHER_IS_BETTER, referenceGbps,
                        referenceMethod(endpoints, pinning, last), last.clientCommand()));
        return new TargetResult(Target.NETWORK, probeResult, referenceResult, referenceMissing, List.of());
    }

    private String probeMethod(Endpoints endpoints, Pinning pinning, Duration duration) {
        return streams + " TCP stream(s) over the " + endpoints.description() + ", between two JVMs (TcpSource, TcpSink); each stream writes "
                + TcpSink.BLOCK_BYTES / 1024 + " KiB blocks from a direct buffer through a blocking SocketChannel, TCP_NODELAY off, socket"
                + " buffers autotuned; the receiver discards the data and counts the bytes read over " + duration.toSeconds() + " s after a "
                + TcpStreamProbe.WARMUP_MS / 1000 + " s warm-up; Gbit/s = 10^9 bit/s; " + pinning.describe() + ".";
    }

    private String referenceMethod(Endpoints endpoints, Pinning pinning, Iperf3Reference.Round last) {
        return "iperf3 over the " + endpoints.description() + ", one-shot server (" + String.join(" ", last.serverCommand())
                + ") and a client with 1 s omitted; end.sum_received.bits_per_second / 10^9; " + pinning.describe()
                + "; a fresh port each round, the last round's commands shown.";
    }

    private List<String> probeCommand(BenchOptions options) {
        List<String> command = new ArrayList<>(List.of("asios", "bench", "network", "--path", path.cliName(), "--rounds",
                Integer.toString(options.rounds()), "--duration", options.duration().toSeconds() + "s"));
        if (!options.cpus().isEmpty()) {
            command.addAll(List.of("--cpus", options.cpus().toList()));
        }
        if (streams != 1) {
            command.addAll(List.of("--streams", Integer.toString(streams)));
        }
        return command;
    }
}
