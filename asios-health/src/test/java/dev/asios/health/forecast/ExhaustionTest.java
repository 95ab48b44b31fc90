package dev.asios.health.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class ExhaustionTest {

    private static final long ORIGIN_MS = SyntheticSeries.START_MS;
    private static final ForecastTarget NODE_MEMORY = ForecastTarget.capacity("node/1/memory_used_bytes", "node 1 memory", "bytes",
            ForecastSettings.defaults());

    @Test
    void aRisingQuantityReachesItsCapacityWithinTheHorizonWithABand() {
        // 1 per minute from 50; the band's upper edge rises 1.6 per minute, its lower 0.57
        Forecast forecast = forecast(50, i -> 50 + (i + 1), i -> 50 + 1.6 * (i + 1), i -> 50 + 0.57 * (i + 1), 120);

        ExhaustionFinding finding = Exhaustion.assess(NODE_MEMORY, forecast, 90);

        assertThat(finding.status()).isEqualTo(ExhaustionStatus.WITHIN_HORIZON);
        assertThat(finding.text()).isEqualTo("node 1 memory exhausted in ~40 min at this rate (80% band 25–70 min)");
        assertThat(finding.secondsToLimit().getAsDouble()).isCloseTo(2400, within(1e-6));
        assertThat(finding.bandEarliestSeconds().getAsDouble()).isCloseTo(1500, within(1e-6));
        assertThat(finding.bandLatestSeconds().getAsDouble()).isCloseTo(60 * (40 / 0.57), within(1e-6));
        assertThat(finding.targetId()).isEqualTo("node/1/memory_used_bytes");
        assertThat(finding.limit()).hasValue(90);
        assertThat(finding.currentValue()).hasValue(50);
        assertThat(finding.atMs()).isEqualTo(ORIGIN_MS);
        assertThat(finding.horizonSeconds()).isEqualTo(7200);
        assertThat(finding.bandCoverage()).isEqualTo(0.8);
        assertThat(finding.bandCalibrated()).isTrue();
        assertThat(finding.historyNeededSeconds()).isZero();
    }

    @Test
    void theFarEdgeOfTheBandMayLieBeyondTheHorizon() {
        Forecast forecast = forecast(50, i -> 50 + (i + 1), i -> 50 + 2 * (i + 1), i -> 50, 60);

        ExhaustionFinding finding = Exhaustion.assess(NODE_MEMORY, forecast, 90);

        assertThat(finding.text()).isEqualTo("node 1 memory exhausted in ~40 min at this rate (80% band 20 min to beyond 60 min)");
        assertThat(finding.bandLatestSeconds()).isEmpty();
    }

    @Test
    void aFlatQuantityIsNotExhaustedWithinTheHorizon() {
        Forecast forecast = forecast(40L << 30, i -> 40L << 30, i -> 41L << 30, i -> 39L << 30, 120);

        ExhaustionFinding finding = Exhaustion.assess(NODE_MEMORY, forecast, 64L << 30);

        assertThat(finding.status()).isEqualTo(ExhaustionStatus.NOT_WITHIN_HORIZON);
        assertThat(finding.text()).isEqualTo(
                "node 1 memory exhausted: not within the horizon (2 h) at this rate; 40.0 GiB now, ~40.0 GiB in 2 h, limit 64.0 GiB");
        assertThat(finding.secondsToLimit()).isEmpty();
        assertThat(finding.bandEarliestSeconds()).isEmpty();
    }

    @Test
    void aFallingQuantityIsNotExhausted() {
        Forecast forecast = forecast(50, i -> 50 - (i + 1) * 0.1, i -> 52 - (i + 1) * 0.1, i -> 48 - (i + 1) * 0.1, 120);

        assertThat(Exhaustion.assess(NODE_MEMORY, forecast, 60).status()).isEqualTo(ExhaustionStatus.NOT_WITHIN_HORIZON);
    }

    @Test
    void onlyTheBandReachingTheLimitIsAPossibilityNotAnExpectation() {
        Forecast forecast = forecast(50, i -> 50 + 0.1 * (i + 1), i -> 50 + 0.5 * (i + 1), i -> 50, 120);

        ExhaustionFinding finding = Exhaustion.assess(NODE_MEMORY, forecast, 80);

        assertThat(finding.status()).isEqualTo(ExhaustionStatus.POSSIBLE_WITHIN_HORIZON);
        assertThat(finding.text()).isEqualTo("node 1 memory exhausted: not within the horizon (2 h) at this rate, but possibly in ~60 min"
                + " (edge of the 80% band); 50 bytes now, ~62 bytes in 2 h, limit 80 bytes");
        assertThat(finding.bandEarliestSeconds().getAsDouble()).isCloseTo(3600, within(1e-6));
    }

    @Test
    void aQuantityOverItsLimitIsAtItNow() {
        Forecast forecast = forecast(65L << 30, i -> 65L << 30, i -> 66L << 30, i -> 64L << 30, 120);

        ExhaustionFinding finding = Exhaustion.assess(NODE_MEMORY, forecast, 64L << 30);

        assertThat(finding.status()).isEqualTo(ExhaustionStatus.AT_LIMIT);
        assertThat(finding.text()).isEqualTo("node 1 memory at its limit now: 65.0 GiB, limit 64.0 GiB");
        assertThat(finding.secondsToLimit()).isEmpty();
    }

    @Test
    void aFreeQuantityFallsToItsFloor() {
        ForecastTarget freeHugepages = ForecastTarget.floor("node/0/hugepages_free_bytes", "node 0 2 MiB hugepages", "bytes", 0,
                ForecastSettings.defaults());
        Forecast forecast = forecast(1L << 30, i -> (1L << 30) - (i + 1) * (32L << 20), i -> (1L << 30) - (i + 1) * (16L << 20),
                i -> (1L << 30) - (i + 1) * (64L << 20), 120);

        ExhaustionFinding finding = Exhaustion.assess(freeHugepages, forecast, freeHugepages.fixedLimit().getAsDouble());

        assertThat(finding.text()).isEqualTo("node 0 2 MiB hugepages exhausted in ~32 min at this rate (80% band 16–64 min)");
    }

    @Test
    void aTemperatureReachesItsThreshold() {
        ForecastTarget temperature = ForecastTarget.threshold("gpu/0/temperature_celsius", "GPU 0 temperature", "celsius", 85,
                ForecastSettings.defaults());
        Forecast forecast = forecast(70, i -> 70 + 0.25 * (i + 1), i -> 70 + 0.5 * (i + 1), i -> 70 + 0.125 * (i + 1), 240);

        ExhaustionFinding finding = Exhaustion.assess(temperature, forecast, 85);

        assertThat(finding.text()).isEqualTo("GPU 0 temperature reaches 85 °C in ~60 min at this rate (80% band 30 min–2 h)");
    }

    @Test
    void withoutAnIntervalTheTimeComesAlone() {
        Forecast forecast = new Forecast(ORIGIN_MS, 60_000, 50, path(i -> 50 + (i + 1), 120), path(i -> Double.NaN, 120),
                path(i -> Double.NaN, 120), 0, 0.8);

        ExhaustionFinding finding = Exhaustion.assess(NODE_MEMORY, forecast, 90);

        assertThat(finding.text()).isEqualTo("node 1 memory exhausted in ~40 min at this rate (no interval yet)");
        assertThat(finding.bandEarliestSeconds()).isEmpty();
        assertThat(finding.bandCalibrated()).isFalse();
    }

    @Test
    void aBandNotYetCalibratedForEveryStepAheadIsProvisional() {
        Forecast forecast = new Forecast(ORIGIN_MS, 60_000, 50, path(i -> 50 + (i + 1), 120), path(i -> 50 + 0.57 * (i + 1), 120),
                path(i -> 50 + 1.6 * (i + 1), 120), 30, 0.8);

        assertThat(Exhaustion.assess(NODE_MEMORY, forecast, 90).text())
                .isEqualTo("node 1 memory exhausted in ~40 min at this rate (80% band 25–70 min, provisional)");
    }

    @Test
    void tooLittleHistorySaysHowMuchMoreIsNeeded() {
        Forecaster forecaster = Forecaster.fromHistory(ForecastSettings.defaults(), SyntheticSeries.flat(10, 1000, 5, 1));

        ExhaustionFinding finding = Exhaustion.assess(NODE_MEMORY, forecaster, 64L << 30);

        assertThat(finding.status()).isEqualTo(ExhaustionStatus.NOT_ENOUGH_HISTORY);
        assertThat(finding.text()).isEqualTo("node 1 memory: not enough history to forecast yet; 23 min more needed"
                + " (forecasts start after 32 steps of 1 min)");
        assertThat(finding.historyNeededSeconds()).isEqualTo(23 * 60);
        assertThat(finding.currentValue()).isEmpty();
    }

    @Test
    void anUnknownLimitIsSaid() {
        Forecaster forecaster = Forecaster.fromHistory(ForecastSettings.defaults().withHorizonSteps(10), SyntheticSeries.flat(40, 1000, 5, 1));

        ExhaustionFinding finding = Exhaustion.assess(NODE_MEMORY, forecaster, Double.NaN);

        assertThat(finding.status()).isEqualTo(ExhaustionStatus.NO_LIMIT);
        assertThat(finding.text()).isEqualTo("node 1 memory: no limit known yet, so no time to reach it");
        assertThat(finding.limit()).isEqualTo(OptionalDouble.empty());
    }

    @Test
    void aLeakRecordedFromALiveSeriesIsForecastToRunOutNearTheTruth() {
        // 20 GiB used, leaking 64 MiB a minute, of 32 GiB: exhausted 192 min after the start
        TimedValues leak = SyntheticSeries.ramp(150, 20L << 30, 64L << 20, 16L << 20, 11);
        Forecaster forecaster = Forecaster.fromHistory(ForecastSettings.defaults(), leak);

        ExhaustionFinding finding = Exhaustion.assess(NODE_MEMORY, forecaster, 32L << 30);

        double truthSeconds = (192 - 149) * 60.0;
        assertThat(finding.status()).isEqualTo(ExhaustionStatus.WITHIN_HORIZON);
        assertThat(finding.secondsToLimit().getAsDouble()).isCloseTo(truthSeconds, within(5 * 60.0));
        assertThat(finding.bandEarliestSeconds().getAsDouble()).isLessThan(truthSeconds);
        assertThat(finding.bandLatestSeconds().getAsDouble()).isGreaterThan(truthSeconds);
        assertThat(finding.text()).startsWith("node 1 memory exhausted in ~4");
    }

    private static Forecast forecast(double last, IntToDoubleFunction value, IntToDoubleFunction upper, IntToDoubleFunction lower, int steps) {
        return new Forecast(ORIGIN_MS, 60_000, last, path(value, steps), path(lower, steps), path(upper, steps), steps, 0.8);
    }

    private static double[] path(IntToDoubleFunction value, int steps) {
        double[] path = new double[steps];
        for (int i = 0; i < steps; i++) {
            path[i] = value.applyAsDouble(i);
        }
        return path;
    }
}
