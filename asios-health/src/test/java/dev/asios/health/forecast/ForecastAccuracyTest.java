package dev.asios.health.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.LongFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The accuracy of the default settings (two hours ahead) on generated series of 800 one-minute
 * steps, learned on the first half, scored 30 steps ahead over three seeds, and printed 120 steps
 * ahead for the first: the numbers the report quotes. The bounds hold for every seed. Two hours
 * ahead only the ramp is bounded: there RCF's own extrapolation wanders on flat noise (up to twice
 * the naive error on one seed) and the interval holds 60 to 80% of actuals, not 80%.
 */
@Tag("slow")
class ForecastAccuracyTest {

    private static final ForecastSettings DEFAULTS = ForecastSettings.defaults();

    /** A generated series, its bound on the ratio to naive 30 steps ahead, and the range of its coverage. */
    enum Kind {
        RAMP(seed -> SyntheticSeries.ramp(800, 20e9, 50e6, 200e6, seed), 0.2, 0.7, 0.9),
        FLAT(seed -> SyntheticSeries.flat(800, 20e9, 200e6, seed), 0.9, 0.7, 0.9),
        SAWTOOTH(seed -> SyntheticSeries.sawtooth(800, 20e9, 50e6, 150, 200e6, seed), 1.0, 0.65, 0.97),
        SEASONAL(seed -> SyntheticSeries.seasonal(800, 60, 10, 60, 1, seed), 0.8, 0.65, 0.9),
        LEAK_ONSET(seed -> SyntheticSeries.onset(800, 20e9, 50e6, 500, 200e6, seed), 0.75, 0.55, 0.9);

        final LongFunction<TimedValues> series;
        final double maxRatioToNaive;
        final double minCoverage;
        final double maxCoverage;

        Kind(LongFunction<TimedValues> series, double maxRatioToNaive, double minCoverage, double maxCoverage) {
            this.series = series;
            this.maxRatioToNaive = maxRatioToNaive;
            this.minCoverage = minCoverage;
            this.maxCoverage = maxCoverage;
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void thirtyStepsAheadOverThreeSeeds(Kind kind) {
        for (long seed = 1; seed <= 3; seed++) {
            AccuracyReport report = WalkForwardEvaluation.evaluate(kind.series.apply(seed), DEFAULTS, 0.5, 30);
            System.out.println(kind + " seed " + seed + System.lineSeparator() + report.format());

            assertThat(report.ratioToNaive()).as("%s seed %d ratio to naive", kind, seed).isLessThan(kind.maxRatioToNaive);
            assertThat(report.coverage()).as("%s seed %d coverage", kind, seed).isBetween(kind.minCoverage, kind.maxCoverage);
        }
        AccuracyReport twoHours = WalkForwardEvaluation.evaluate(kind.series.apply(1), DEFAULTS, 0.5, 120);
        System.out.println(kind + " seed 1, 120 steps ahead" + System.lineSeparator() + twoHours.format());
        if (kind == Kind.RAMP) {
            assertThat(twoHours.ratioToNaive()).isLessThan(0.1);
        }
    }
}
