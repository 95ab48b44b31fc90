package dev.asios.health.forecast;

import static dev.asios.health.forecast.SyntheticSeries.MINUTE_MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ForecasterTest {

    /** A shorter horizon than the default keeps these tests quick; the defaults are measured in {@link ForecastAccuracyTest}. */
    private static final ForecastSettings SETTINGS = ForecastSettings.defaults().withHorizonSteps(60);

    @Test
    void aRampIsExtrapolatedBeyondEveryValueSeen() {
        TimedValues ramp = SyntheticSeries.ramp(300, 40e9, 20e6, 5e6, 1);

        Forecast forecast = Forecaster.fromHistory(SETTINGS, ramp).forecast().orElseThrow();

        // the last complete step is 298 (step 299 is pending); value i is step 299 + i
        for (int ahead : new int[] {0, 29, 59}) {
            double truth = 40e9 + 20e6 * (299 + ahead);
            assertThat(forecast.value(ahead)).as("%d steps ahead", ahead + 1).isCloseTo(truth, withPercentage(0.25));
        }
        assertThat(forecast.value(59) - forecast.lastValue()).as("the rise over the horizon").isBetween(0.9 * 60 * 20e6, 1.1 * 60 * 20e6);
        assertThat(forecast.bandCalibrated()).isTrue();
        assertThat(forecast.lower(59)).isLessThan(forecast.value(59));
        assertThat(forecast.upper(59)).isGreaterThan(forecast.value(59));
    }

    @Test
    void theForecastIsTimedFromTheEndOfTheLastCompleteStep() {
        TimedValues ramp = SyntheticSeries.ramp(100, 1000, 1, 0.1, 1);

        Forecast forecast = Forecaster.fromHistory(SETTINGS, ramp).forecast().orElseThrow();

        long lastCompleteStepEnd = SyntheticSeries.START_MS + 99 * MINUTE_MS;
        assertThat(forecast.originMs()).isEqualTo(lastCompleteStepEnd);
        assertThat(forecast.timeMs(0)).isEqualTo(lastCompleteStepEnd + MINUTE_MS);
        assertThat(forecast.horizonMs()).isEqualTo(60 * MINUTE_MS);
        assertThat(forecast.lastValue()).isEqualTo(ramp.value(98));
    }

    @Test
    void buildingFromHistoryIsTheSameAsHavingWatchedItLive() {
        TimedValues history = SyntheticSeries.ramp(150, 1000, 2, 5, 3);
        Forecaster live = Forecaster.fromHistory(SETTINGS, TimedValues.empty());
        for (int i = 0; i < history.size(); i++) {
            live.add(history.epochMs(i), history.value(i));
        }

        Forecaster rebuilt = Forecaster.fromHistory(SETTINGS, history);

        assertThat(rebuilt.forecast()).isPresent().isEqualTo(live.forecast());
    }

    @Test
    void onlyTheLastStepsOfALongHistoryAreReplayed() {
        ForecastSettings settings = SETTINGS.withHistory(10, 100);
        TimedValues history = SyntheticSeries.ramp(600, 1000, 2, 5, 4);
        TimedValues tail = new TimedValues(Arrays.copyOfRange(history.epochMs(), 499, 600), Arrays.copyOfRange(history.values(), 499, 600));

        assertThat(Forecaster.fromHistory(settings, history).forecast()).isPresent().isEqualTo(Forecaster.fromHistory(settings, tail).forecast());
    }

    @Test
    void liveSamplesContinueTheHistoryAndOlderOnesAreIgnored() {
        TimedValues history = SyntheticSeries.ramp(100, 1000, 2, 5, 5);
        Forecaster forecaster = Forecaster.fromHistory(SETTINGS, history);
        Forecast before = forecaster.forecast().orElseThrow();
        long last = history.epochMs(99);

        assertThat(forecaster.add(last, 5000)).isFalse();
        assertThat(forecaster.add(last - MINUTE_MS, 5000)).isFalse();
        assertThat(forecaster.forecast()).contains(before);
        assertThat(forecaster.add(last + 10_000, 1200)).isFalse();
        assertThat(forecaster.add(last + MINUTE_MS, 1202)).isTrue();
        assertThat(forecaster.forecast().orElseThrow().lastValue()).isEqualTo((history.value(99) + 1200) / 2);
    }

    @Test
    void tooLittleHistorySaysHowManyMoreStepsAreNeeded() {
        Forecaster forecaster = Forecaster.fromHistory(SETTINGS, SyntheticSeries.flat(10, 1000, 5, 6));

        assertThat(forecaster.forecast()).isEmpty();
        // nine complete steps, the tenth pending; forecasts start after 32
        assertThat(forecaster.stepsNeeded()).isEqualTo(23);
    }

    @Test
    void theFirstForecastComesAfterTheStepsTheSettingsAskFor() {
        Forecaster forecaster = Forecaster.fromHistory(SETTINGS, SyntheticSeries.flat(32, 1000, 5, 6));
        assertThat(forecaster.stepsNeeded()).isEqualTo(1);

        forecaster.add(SyntheticSeries.START_MS + 32 * MINUTE_MS, 1000);

        assertThat(forecaster.stepsNeeded()).isZero();
        assertThat(forecaster.forecast()).isPresent();
        assertThat(forecaster.forecast().orElseThrow().hasBand()).as("no past errors yet").isFalse();
    }

    @Test
    void aShortGapIsFilledByAStraightLine() {
        TimedValues gappy = SyntheticSeries.of(200, i -> i < 100 ? 1000 + i : 1000 + i + 5);
        TimedValues withGap = without(gappy, 100, 105);

        Forecaster forecaster = Forecaster.fromHistory(SETTINGS, withGap);

        assertThat(forecaster.imputedSteps()).isEqualTo(5);
        assertThat(forecaster.restarts()).isZero();
        assertThat(forecaster.forecast()).isPresent();
    }

    @Test
    void afterALongGapTheForecasterStartsAgain() {
        TimedValues withGap = without(SyntheticSeries.ramp(200, 1000, 2, 5, 7), 100, 180);

        Forecaster forecaster = Forecaster.fromHistory(SETTINGS, withGap);

        assertThat(forecaster.restarts()).isEqualTo(1);
        assertThat(forecaster.imputedSteps()).isZero();
        assertThat(forecaster.forecast()).isEmpty();
        // 19 complete steps since the gap
        assertThat(forecaster.stepsNeeded()).isEqualTo(13);
    }

    @Test
    void aConstantSeriesIsForecastConstant() {
        Forecast forecast = Forecaster.fromHistory(SETTINGS, SyntheticSeries.flat(200, 7.5e9, 0, 8)).forecast().orElseThrow();

        assertThat(Arrays.stream(forecast.values()).boxed()).allSatisfy(v -> assertThat(v).isCloseTo(7.5e9, withPercentage(0.01)));
    }

    /** The series without samples {@code from} (inclusive) to {@code to} (exclusive). */
    static TimedValues without(TimedValues series, int from, int to) {
        int kept = series.size() - (to - from);
        long[] times = new long[kept];
        double[] values = new double[kept];
        for (int i = 0, k = 0; i < series.size(); i++) {
            if (i < from || i >= to) {
                times[k] = series.epochMs(i);
                values[k++] = series.value(i);
            }
        }
        return new TimedValues(times, values);
    }
}
