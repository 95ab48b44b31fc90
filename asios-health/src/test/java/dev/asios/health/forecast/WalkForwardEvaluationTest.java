package dev.asios.health.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The walk-forward evaluation on generated series, with a 30-step forecaster so that it runs in
 * seconds; the default settings are measured in {@link ForecastAccuracyTest}. The bounds are what
 * the forecaster achieves with margin, and each would fail for a forecaster that ignores trends
 * (ramp) or an interval that is far too wide or narrow (coverage).
 */
class WalkForwardEvaluationTest {

    private static final ForecastSettings SETTINGS = ForecastSettings.defaults().withHorizonSteps(30);

    @Test
    void onARampItBeatsTheNaiveForecastByFarAndItsBandHoldsAboutEightyPercent() {
        AccuracyReport report = evaluate(SyntheticSeries.ramp(600, 20e9, 50e6, 200e6, 21));

        assertThat(report.ratioToNaive()).isLessThan(0.25);
        assertThat(report.mase()).isLessThan(1.2);
        assertThat(report.coverage()).isBetween(0.7, 0.9);
        assertThat(report.origins()).isEqualTo(271);
        assertThat(report.originsWithBand()).isEqualTo(271);
    }

    @Test
    void onFlatNoiseItIsNoWorseThanNaive() {
        AccuracyReport report = evaluate(SyntheticSeries.flat(600, 20e9, 200e6, 22));

        assertThat(report.ratioToNaive()).isLessThan(1);
        assertThat(report.coverage()).isBetween(0.7, 0.9);
    }

    @Test
    void onALeakWithRestartsItIsAboutAsGoodAsNaiveAndItsBandErrsOnTheWideSide() {
        AccuracyReport report = evaluate(SyntheticSeries.sawtooth(600, 20e9, 50e6, 150, 200e6, 23));

        // a fifth of the 30-step errors span a restart: the lower quantile is such a drop, so the band
        // holds more than 80% of the actuals between restarts
        assertThat(report.ratioToNaive()).isLessThan(1.05);
        assertThat(report.coverage()).isBetween(0.75, 0.99);
    }

    @Test
    void onAnHourlyCycleItBeatsNaive() {
        AccuracyReport report = evaluate(SyntheticSeries.seasonal(600, 60, 10, 60, 1, 24));

        assertThat(report.ratioToNaive()).isLessThan(0.9);
        assertThat(report.coverage()).isBetween(0.6, 0.9);
    }

    @Test
    void theReportSaysMethodDataNumbersAndTheRatio() {
        AccuracyReport report = evaluate(SyntheticSeries.ramp(300, 100, 1, 1, 25));

        assertThat(report.format()).contains("method:   RCFCaster (NORMALIZE", "data:     300 samples, 2025-01-01T00:00:30Z to ",
                "300 steps with data; trained on the first 150", "scored:   121 forecasts 30 steps (30 min) ahead, from the held-back 150 of 300 steps",
                "MAE ", "naive (last value) MAE ", "MASE ", "interval coverage ", "ratio of MAE to naive MAE at 30 steps: ", "(better than naive)");
        assertThat(report.inSampleNaiveMae()).isPositive();
        assertThat(report.mase()).isEqualTo(report.mae() / report.inSampleNaiveMae());
        assertThat(report.ratioToNaive()).isEqualTo(report.mae() / report.naiveMae());
    }

    @Test
    void aConstantTrainingPartLeavesMaseUndefined() {
        AccuracyReport report = evaluate(SyntheticSeries.flat(200, 5, 0, 26));

        assertThat(report.mase()).isNaN();
        assertThat(report.format()).contains("MASE undefined");
    }

    @Test
    void actualsMissingInAGapAreNotScored() {
        TimedValues withGap = ForecasterTest.without(SyntheticSeries.ramp(300, 100, 1, 1, 27), 200, 205);

        AccuracyReport report = evaluate(withGap);

        // origins: steps 147..199 and 205..269 with data, less 170..174 whose actual (30 later) fell in the gap
        assertThat(report.steps()).isEqualTo(295);
        assertThat(report.trainSteps()).isEqualTo(148);
        assertThat(report.origins()).isEqualTo(53 + 65 - 5);
    }

    @Test
    void badArgumentsAndShortSeriesAreNamed() {
        TimedValues ramp = SyntheticSeries.ramp(60, 100, 1, 1, 28);

        assertThatThrownBy(() -> WalkForwardEvaluation.evaluate(ramp, SETTINGS, 1, 10))
                .hasMessage("the training fraction must be above 0 and below 1, was 1.0");
        assertThatThrownBy(() -> WalkForwardEvaluation.evaluate(ramp, SETTINGS, 0.5, 31))
                .hasMessage("the evaluated horizon must be within 1 to 30 steps, was 31");
        assertThatThrownBy(() -> WalkForwardEvaluation.evaluate(ramp, SETTINGS, 0.5, 10))
                .hasMessage("the series has 60 steps of 1 min; it needs 32 to learn before the first forecast and 10 held back after them"
                        + " (training fraction 0.5): record a longer series");
    }

    private static AccuracyReport evaluate(TimedValues series) {
        AccuracyReport report = WalkForwardEvaluation.evaluate(series, SETTINGS, 0.5, 30);
        System.out.println(report.format());
        return report;
    }
}
