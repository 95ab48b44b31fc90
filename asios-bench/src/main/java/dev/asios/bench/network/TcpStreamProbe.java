package dev.asios.bench.network;

import dev.asios.bench.BenchException;
import dev.asios.bench.child.ChildJvm;
import dev.asios.bench.child.ChildProcess;
import dev.asios.bench.child.MainArgs;
import dev.asios.host.parse.ParseException;
import dev.asios.run.command.CommandFailure;
import java.time.Duration;
import java.util.List;

/**
 * ASIOS's TCP stream test: a {@link TcpSink} and a {@link TcpSource}, each a child JVM started
 * through the {@link Endpoints}' prefixes (so in a network namespace for the veth path), with
 * {@code streams} connections between them; the number is the bytes the receiver read over the
 * duration, after a {@value #WARMUP_MS} ms warm-up that is not counted (as iperf3's {@code --omit}).
 *
 * <p>Both ends are processes, not threads of the caller, because a Java socket cannot enter a
 * network namespace by itself: {@code ip netns exec} runs a process in one, and the same two
 * processes run over loopback so that both paths measure the same code. The caller's JVM is
 * reused ({@code java.home}, {@code java.class.path}); each child starts in well under the
 * {@value #START_TIMEOUT_S} s it is given. Immutable and thread-safe, though calls side by
 * side compete for the same CPUs and spoil each other's numbers.
 */
final class TcpStreamProbe {

    /** The warm-up before the counted window, in milliseconds. */
    static final int WARMUP_MS = 1000;

    private static final int START_TIMEOUT_S = 30;
    private static final int HEAP_MIB = 64;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(START_TIMEOUT_S);

    private final Endpoints endpoints;
    private final int streams;
    private final Pinning pinning;

    /**
     * A probe of {@code streams} connections (1 to 128) between {@code endpoints}, pinned as {@code pinning}.
     *
     * @throws IllegalArgumentException if {@code streams} is out of range
     */
    TcpStreamProbe(Endpoints endpoints, int streams, Pinning pinning) {
        if (streams < 1 || streams > 128) {
            throw new IllegalArgumentException("streams must be from 1 to 128, not " + streams);
        }
        this.endpoints = endpoints;
        this.streams = streams;
        this.pinning = pinning;
    }

    /**
     * Runs one round: the warm-up, then {@code duration} counted.
     *
     * @return the throughput the receiver saw, in Gbit/s (10^9 bit/s)
     * @throws BenchException if an end cannot start, fails, or does not report in time (the message has its last words)
     */
    double measureGbitPerSecond(Duration duration) throws BenchException {
        long durationMs = duration.toMillis();
        String address = endpoints.receiverAddress();
        List<String> sinkArgv = ChildJvm.command(TcpSink.class, HEAP_MIB, address, Integer.toString(streams), Integer.toString(WARMUP_MS),
                Long.toString(durationMs), MainArgs.cpus(pinning.receiverCpus()));
        try (ChildProcess sink = ChildProcess.start(endpoints.onReceiver(sinkArgv))) {
            int port = ProbeLines.parsePort(sink.awaitLine(ProbeLines::isReport, START_TIMEOUT));
            long limitMs = WARMUP_MS + durationMs + START_TIMEOUT.toMillis();
            List<String> sourceArgv = ChildJvm.command(TcpSource.class, HEAP_MIB, address, Integer.toString(port), Integer.toString(streams),
                    Long.toString(limitMs), MainArgs.cpus(pinning.senderCpus()));
            try (ChildProcess source = ChildProcess.start(endpoints.onSender(sourceArgv))) {
                ProbeLines.checkConnected(source.awaitLine(ProbeLines::isReport, START_TIMEOUT));
                Duration window = Duration.ofMillis(WARMUP_MS + durationMs).plus(START_TIMEOUT);
                return ProbeLines.parseGbitPerSecond(sink.awaitLine(ProbeLines::isReport, window));
            }
        } catch (CommandFailure | ParseException e) {
            throw new BenchException("the TCP stream probe over " + endpoints.description() + " failed: " + e.getMessage(), e);
        }
    }
}
