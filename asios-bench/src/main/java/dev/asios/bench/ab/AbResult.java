package dev.asios.bench.ab;

import dev.asios.bench.Summary;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A benchmark run untuned and tuned, pair by pair. Immutable.
 *
 * @param target the target
 * @param profile the tuning profile of the tuned runs
 * @param baseline the untuned runs, in order
 * @param tuned the tuned runs, in order; {@code tuned.get(i)} ran right after {@code baseline.get(i)}
 * @param notes settings the profile could not apply on this host, and other remarks
 */
public record AbResult(Target target, String profile, List<TargetResult> baseline, List<TargetResult> tuned, List<String> notes) {

    /** Creates an immutable copy. */
    public AbResult {
        baseline = List.copyOf(baseline);
        tuned = List.copyOf(tuned);
        notes = List.copyOf(notes);
        if (baseline.size() != tuned.size()) {
            throw new IllegalArgumentException(baseline.size() + " baseline runs but " + tuned.size() + " tuned ones");
        }
    }

    /** Tuned over untuned, pair by pair, of the probe's median; above 1 means the tuned number is larger. */
    public List<Double> probeRatios() {
        return IntStream.range(0, tuned.size())
                .mapToObj(i -> tuned.get(i).probe().summary().median() / baseline.get(i).probe().summary().median()).toList();
    }

    /** Tuned over untuned, pair by pair, of the reference's median; pairs without a reference on both sides are left out. */
    public List<Double> referenceRatios() {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < tuned.size(); i++) {
            var b = baseline.get(i).reference();
            var t = tuned.get(i).reference();
            if (b.isPresent() && t.isPresent()) {
                ratios.add(t.get().summary().median() / b.get().summary().median());
            }
        }
        return ratios;
    }

    /** The median and spread of {@link #probeRatios()}. */
    public Summary probeRatioSummary() {
        return Summary.of(probeRatios());
    }
}
