package dev.asios.health.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeldBackAccuracyTest {

    private static final ForecastSettings SETTINGS = ForecastSettings.defaults();

    @Test
    void aRampsHeldBackHalfIsForecastBetterThanNaive() {
        TimedValues ramp = SyntheticSeries.ramp(240, 20e9, 50e6, 200e6, 7);
        HeldBackAccuracy accuracy = HeldBackAccuracy.check("node-memory/0", ramp, SETTINGS, 1234);
        assertThat(accuracy.unavailable()).isEmpty();
        AccuracyReport report = accuracy.report().orElseThrow();
        assertThat(report.horizonSteps()).isEqualTo(HeldBackAccuracy.HORIZON_STEPS);
        assertThat(report.trainSteps()).isEqualTo(120);
        assertThat(report.origins()).isGreaterThan(80);
        assertThat(report.ratioToNaive()).isLessThan(0.5);
        assertThat(accuracy.checkedAtMs()).isEqualTo(1234);
    }

    @Test
    void aShortHistorySaysHowMuchItNeeds() {
        HeldBackAccuracy accuracy = HeldBackAccuracy.check("gpu-memory/0", SyntheticSeries.ramp(40, 1, 1, 0.1, 1), SETTINGS, 0);
        assertThat(accuracy.report()).isEmpty();
        assertThat(accuracy.unavailable()).contains("40 steps").contains("record a longer series");
        assertThat(HeldBackAccuracy.check("x", TimedValues.empty(), SETTINGS, 0).unavailable()).isEqualTo("no recorded history yet");
    }
}
