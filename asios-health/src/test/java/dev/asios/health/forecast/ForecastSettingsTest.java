package dev.asios.health.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForecastSettingsTest {

    @Test
    void defaultsAreOneMinuteStepsTwoHoursAheadWithAnEightyPercentBand() {
        ForecastSettings settings = ForecastSettings.defaults();

        assertThat(settings.stepMs()).isEqualTo(60_000);
        assertThat(settings.horizonMs()).isEqualTo(7_200_000);
        assertThat(settings.lowerQuantile()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(settings.describe()).contains("NORMALIZE", "60 s steps", "horizon 120 steps", "80% interval");
    }

    @Test
    void aBadValueIsNamedWithItsBounds() {
        ForecastSettings settings = ForecastSettings.defaults();

        assertThatThrownBy(() -> settings.withStep(500, StepAggregation.MEAN))
                .hasMessage("forecast setting stepMs must be within 1000 to 86400000, was 500");
        assertThatThrownBy(() -> settings.withHorizonSteps(501))
                .hasMessage("forecast setting horizonSteps must be within 1 to 500, was 501");
        assertThatThrownBy(() -> settings.withHistory(-1, 360))
                .hasMessage("forecast setting maxGapSteps must be within 0 to 10000, was -1");
        assertThatThrownBy(() -> settings.withHistory(10, 31))
                .hasMessage("forecast setting maxHistorySteps must be within 32 to 100000, was 31");
        assertThatThrownBy(() -> settings.withStep(60_000, null)).hasMessageContaining("aggregation must be one of mean, last");
        assertThatThrownBy(() -> new ForecastSettings(60_000, StepAggregation.MEAN, 120, 8, 20, 256, 32, 1.0 / 64, 0.3, 200, 20, 10, 360, 1))
                .hasMessage("forecast setting bandCoverage must be within 0.5 to 0.99, was 0.3");
        assertThatThrownBy(() -> new ForecastSettings(60_000, StepAggregation.MEAN, 120, 8, 20, 256, 4, 1.0 / 64, 0.8, 200, 20, 10, 360, 1))
                .hasMessage("forecast setting outputAfterSteps must be within 8 to 256, was 4");
        assertThatThrownBy(() -> new ForecastSettings(60_000, StepAggregation.MEAN, 120, 8, 20, 256, 32, 0, 0.8, 200, 20, 10, 360, 1))
                .hasMessage("forecast setting transformDecay must be within 0.001 to 0.5, was 0.0");
    }
}
