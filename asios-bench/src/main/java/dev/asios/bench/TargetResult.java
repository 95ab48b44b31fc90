package dev.asios.bench;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One target measured: the ASIOS probe's headline number, the reference tool's same number from the
 * same run (absent, with the reason, when the tool is missing or failed), and further numbers
 * (other percentiles, other STREAM kernels). Immutable.
 *
 * @param target the target
 * @param probe the probe's headline measurement
 * @param reference the reference tool's measurement of the same quantity
 * @param referenceMissing why there is no reference measurement
 * @param extra further measurements of the probe or the reference
 * @param distributions the latency distributions of the probe and the reference, over all rounds; empty for a
 *     target that measures no latencies
 */
public record TargetResult(Target target, Measurement probe, Optional<Measurement> reference, Optional<String> referenceMissing,
        List<Measurement> extra, List<Distribution> distributions) {

    /** Creates an immutable copy. */
    public TargetResult {
        extra = List.copyOf(extra);
        distributions = List.copyOf(distributions);
    }

    /** A result without latency distributions. */
    public TargetResult(Target target, Measurement probe, Optional<Measurement> reference, Optional<String> referenceMissing,
            List<Measurement> extra) {
        this(target, probe, reference, referenceMissing, extra, List.of());
    }

    /** The probe's median over the reference's median; empty without a reference. */
    public OptionalDouble ratioToReference() {
        return reference.map(r -> OptionalDouble.of(probe.summary().median() / r.summary().median())).orElse(OptionalDouble.empty());
    }
}
