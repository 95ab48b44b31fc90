package dev.asios.bench.jitter;

import dev.asios.bench.Direction;
import dev.asios.bench.Distribution;
import dev.asios.bench.LatencyCounts;
import dev.asios.bench.Measurement;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The samples of a jitter benchmark, one per round for each number, and the result they make. The
 * reference's samples are dropped as a whole when cyclictest fails in any round. Not thread-safe.
 */
final class JitterRounds {

    /** The headline metric. */
    static final String P99 = "p99 wake-up latency";

    private static final String ASIOS = "asios";
    private static final String CYCLICTEST = "cyclictest";
    private static final String US = "us";
    private static final String WAKE_UP = "wake-up latency";

    private final List<WakeupLatency> probe = new ArrayList<>();
    private final List<WakeupLatency> reference = new ArrayList<>();
    private final List<OsNoise> noise = new ArrayList<>();
    private final LatencyCounts probeCounts = new LatencyCounts();
    private final LatencyCounts referenceCounts = new LatencyCounts();

    /** Where the probe adds its latencies, by microsecond. */
    LatencyCounts probeCounts() {
        return probeCounts;
    }

    void probe(WakeupLatency latency) {
        probe.add(latency);
    }

    /** Adds a round of cyclictest; its overflows count at the histogram's bound. */
    void reference(CyclictestHistogram histogram) {
        reference.add(histogram.latency());
        long[] counts = histogram.counts();
        for (int us = 0; us < counts.length; us++) {
            referenceCounts.add(us, counts[us]);
        }
        referenceCounts.add(counts.length, histogram.overflows());
    }

    void noise(OsNoise round) {
        noise.add(round);
    }

    /**
     * The result.
     *
     * @param probeMethod the wake-up probe's method sentence
     * @param noiseMethod the noise probe's method sentence
     * @param probeCommand the {@code asios bench} command that repeats the run
     * @param referenceMethod cyclictest's method sentence
     * @param referenceArgv cyclictest's command line
     * @param referenceMissing why there is no reference; empty when cyclictest ran every round
     */
    TargetResult result(String probeMethod, String noiseMethod, List<String> probeCommand, String referenceMethod,
            List<String> referenceArgv, Optional<String> referenceMissing) {
        Measurement headline = latency(ASIOS, P99, probe, Part.P99, probeMethod, probeCommand);
        Optional<Measurement> referenceHeadline = referenceMissing.isPresent() ? Optional.empty()
                : Optional.of(latency(CYCLICTEST, P99, reference, Part.P99, referenceMethod, referenceArgv));
        List<Measurement> extra = new ArrayList<>();
        for (Part part : List.of(Part.P50, Part.P999, Part.MAX)) {
            extra.add(latency(ASIOS, part.metric, probe, part, probeMethod, probeCommand));
            if (referenceMissing.isEmpty()) {
                extra.add(latency(CYCLICTEST, part.metric, reference, part, referenceMethod, referenceArgv));
            }
        }
        extra.add(new Measurement(ASIOS, "OS noise max gap", US, Direction.LOWER_IS_BETTER,
                noise.stream().map(OsNoise::maxGapUs).toList(), noiseMethod, probeCommand));
        extra.add(new Measurement(ASIOS, "OS noise", "ns/s", Direction.LOWER_IS_BETTER,
                noise.stream().map(OsNoise::noiseNsPerSecond).toList(), noiseMethod, probeCommand));
        List<Distribution> distributions = new ArrayList<>();
        if (!probeCounts.isEmpty()) {
            distributions.add(probeCounts.distribution(ASIOS, WAKE_UP, US));
        }
        if (referenceMissing.isEmpty() && !referenceCounts.isEmpty()) {
            distributions.add(referenceCounts.distribution(CYCLICTEST, WAKE_UP, US));
        }
        return new TargetResult(Target.JITTER, headline, referenceHeadline, referenceMissing, extra, distributions);
    }

    private static Measurement latency(String tool, String metric, List<WakeupLatency> rounds, Part part, String method,
            List<String> command) {
        List<Double> samples = rounds.stream().map(part::of).toList();
        return new Measurement(tool, metric, US, Direction.LOWER_IS_BETTER, samples, method, command);
    }

    /** One number of a {@link WakeupLatency}. */
    private enum Part {
        P50("p50 wake-up latency"), P99(JitterRounds.P99), P999("p99.9 wake-up latency"), MAX("max wake-up latency");

        private final String metric;

        Part(String metric) {
            this.metric = metric;
        }

        double of(WakeupLatency latency) {
            return switch (this) {
                case P50 -> latency.p50Us();
                case P99 -> latency.p99Us();
                case P999 -> latency.p999Us();
                case MAX -> latency.maxUs();
            };
        }
    }
}
