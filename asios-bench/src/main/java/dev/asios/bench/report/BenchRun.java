package dev.asios.bench.report;

import dev.asios.bench.TargetResult;
import dev.asios.bench.ab.AbResult;
import java.util.List;
import java.util.Optional;

/**
 * Everything one {@code asios bench} run measured, for the reports of a whole run: the host, the
 * plain results or the A/B results, and why the run stopped early when it did. Immutable.
 *
 * @param host the host the run measured
 * @param results the plain results, in the order measured; empty for an A/B run
 * @param abResults the A/B results, in the order measured; empty for a plain run
 * @param stoppedBy why the run stopped before every target was measured; empty when it finished
 */
public record BenchRun(HostSummary host, List<TargetResult> results, List<AbResult> abResults, Optional<String> stoppedBy) {

    /** Creates an immutable copy. */
    public BenchRun {
        results = List.copyOf(results);
        abResults = List.copyOf(abResults);
    }
}
