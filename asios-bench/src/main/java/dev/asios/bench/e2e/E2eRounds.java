package dev.asios.bench.e2e;

import dev.asios.bench.BenchOptions;
import dev.asios.bench.Direction;
import dev.asios.bench.LatencyCounts;
import dev.asios.bench.Measurement;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The inference server's rounds, one sample per round for each number, and the result they make:
 * throughput as the headline, the open loop's latencies, SLA attainment and offered rate as
 * extras, and the latency counts of all rounds as the distribution. Not thread-safe.
 */
final class E2eRounds {

    /** The headline metric. */
    static final String THROUGHPUT = "inference throughput";

    /** Why e2e has no reference tool. */
    static final String NO_REFERENCE = "e2e has no reference tool: its reference is the same workload on the untuned host;"
            + " compare the two with --ab PROFILE";

    private static final String ASIOS = "asios";
    private static final String PER_SECOND = "inferences/s";
    private static final String US = "us";

    private final List<ServerRound> rounds = new ArrayList<>();
    private final LatencyCounts counts = new LatencyCounts();

    void add(ServerRound round) {
        rounds.add(round);
        round.countsUs().forEach(counts::add);
    }

    /** The result, measured as {@code method} says against {@code sla}, repeated by {@code command}. */
    TargetResult result(String method, List<String> command, Duration sla) {
        Measurement headline = measure(THROUGHPUT, PER_SECOND, Direction.HIGHER_IS_BETTER, ServerRound::throughputPerSecond, method, command);
        List<Measurement> extra = List.of(
                measure("p50 request latency", US, Direction.LOWER_IS_BETTER, ServerRound::p50Us, method, command),
                measure("p99 request latency", US, Direction.LOWER_IS_BETTER, ServerRound::p99Us, method, command),
                measure("p99.9 request latency", US, Direction.LOWER_IS_BETTER, ServerRound::p999Us, method, command),
                measure("requests within " + BenchOptions.durationText(sla) + " SLA", "%", Direction.HIGHER_IS_BETTER, ServerRound::slaPercent,
                        method, command),
                measure("offered rate", PER_SECOND, Direction.HIGHER_IS_BETTER, ServerRound::offeredPerSecond, method, command));
        return new TargetResult(Target.E2E, headline, Optional.empty(), Optional.of(NO_REFERENCE), extra,
                List.of(counts.distribution(ASIOS, "request latency", US)));
    }

    private Measurement measure(String metric, String unit, Direction direction, ToDoubleFunction<ServerRound> part, String method,
            List<String> command) {
        return new Measurement(ASIOS, metric, unit, direction, rounds.stream().map(r -> part.applyAsDouble(r)).toList(), method, command);
    }
}
