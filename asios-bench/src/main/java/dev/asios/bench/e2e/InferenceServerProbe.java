package dev.asios.bench.e2e;

import dev.asios.bench.BenchException;
import dev.asios.bench.child.ChildJvm;
import dev.asios.bench.child.ChildProcess;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.run.command.CommandFailure;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs one round of the inference server in a fresh child JVM ({@link InferenceServerMain}, with
 * the caller's JVM and class path) and reads its result. The round is a {@value #WARMUP_MS} ms
 * warm-up, then half the duration closed loop and half open loop. Immutable and thread-safe,
 * though rounds side by side compete for the CPUs.
 */
final class InferenceServerProbe {

    /** The warm-up before the closed loop, in milliseconds. */
    static final int WARMUP_MS = 1000;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int HEAP_MIB = 256;

    private final CpuSet cpus;
    private final double load;
    private final Duration sla;

    /** A server with a worker on each of {@code cpus}, an open loop at {@code load}, measured against {@code sla}; all checked before. */
    InferenceServerProbe(CpuSet cpus, double load, Duration sla) {
        this.cpus = cpus;
        this.load = load;
        this.sla = sla;
    }

    /** The child's command line for a round of {@code duration}. */
    List<String> command(Duration duration) {
        return ChildJvm.command(InferenceServerMain.class, HEAP_MIB, cpus.toList(), Integer.toString(WARMUP_MS),
                Long.toString(duration.toMillis() / 2), Double.toString(load), Long.toString(sla.toNanos() / 1_000));
    }

    /**
     * The longest a round of {@code duration} may take: the JVM's start, the warm-up, both phases,
     * and as long again for an open loop that falls behind its schedule.
     */
    Duration timeout(Duration duration) {
        return START_TIMEOUT.plusMillis(WARMUP_MS).plus(duration.multipliedBy(2));
    }

    /**
     * Runs one round.
     *
     * @param placement what makes the child's command line start where it must (the isolated cpuset's cage), or the identity
     * @throws BenchException if the server cannot start, fails, or does not report in time (the message has its last words)
     */
    ServerRound measure(Duration duration, UnaryOperator<List<String>> placement) throws BenchException {
        try (ChildProcess server = ChildProcess.start(placement.apply(command(duration)))) {
            return ServerLines.parse(server.awaitLine(ServerLines::isReport, timeout(duration)));
        } catch (CommandFailure | ParseException e) {
            throw new BenchException("the inference server on CPUs " + cpus.toList() + " failed: " + e.getMessage(), e);
        }
    }
}
