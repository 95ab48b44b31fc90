package dev.asios.health.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErrorBandsTest {

    private final double[] lower = new double[3];
    private final double[] upper = new double[3];

    @Test
    void theBandIsThePointPlusQuantilesOfTheErrorsOfEachStepAhead() {
        ErrorBands bands = new ErrorBands(2, 20, 5, 0.1);
        for (int actual = 1; actual <= 10; actual++) {
            bands.observe(actual, false);
            bands.record(new float[] {0, 0});
        }

        int calibrated = bands.band(new double[] {100, 100}, lower, upper);

        // one step ahead: errors 2..10; two steps ahead: errors 3..10
        assertThat(calibrated).isEqualTo(2);
        assertThat(lower[0]).isCloseTo(102.8, within(1e-9));
        assertThat(upper[0]).isCloseTo(109.2, within(1e-9));
        assertThat(lower[1]).isCloseTo(103.7, within(1e-9));
        assertThat(upper[1]).isCloseTo(109.3, within(1e-9));
    }

    @Test
    void stepsAheadBeyondTheCalibratedOnesAreScaledFromTheLastCalibratedOne() {
        ErrorBands bands = new ErrorBands(3, 20, 5, 0.1);
        for (int step = 0; step < 6; step++) {
            bands.observe(1, false);
            bands.record(new float[] {0, 0, 0});
        }

        int calibrated = bands.band(new double[] {10, 10, 10}, lower, upper);

        // one step ahead has 5 errors of 1, two steps ahead only 4
        assertThat(calibrated).isEqualTo(1);
        assertThat(upper).containsExactly(11, 12, 13);
        assertThat(lower).containsExactly(11, 12, 13);
    }

    @Test
    void thereIsNoBandBeforeTheFirstStepAheadIsCalibrated() {
        ErrorBands bands = new ErrorBands(3, 20, 5, 0.1);
        for (int step = 0; step < 4; step++) {
            bands.observe(1, false);
            bands.record(new float[] {0, 0, 0});
        }

        assertThat(bands.band(new double[] {10, 10, 10}, lower, upper)).isZero();
        assertThat(lower).containsOnly(Double.NaN);
        assertThat(upper).containsOnly(Double.NaN);
    }

    @Test
    void imputedStepsAndStepsWithoutAForecastAddNoErrors() {
        ErrorBands bands = new ErrorBands(3, 20, 5, 0.1);
        for (int step = 0; step < 20; step++) {
            bands.observe(1, true);
            bands.record(new float[] {0, 0, 0});
        }
        for (int step = 0; step < 20; step++) {
            bands.observe(1, false);
            bands.recordNone();
        }

        assertThat(bands.band(new double[] {10, 10, 10}, lower, upper)).isZero();
    }

    @Test
    void onlyTheLastWindowOfErrorsCounts() {
        ErrorBands bands = new ErrorBands(1, 20, 5, 0.1);
        for (int step = 0; step < 100; step++) {
            bands.observe(step < 60 ? 1000 : 1, false);
            bands.record(new float[] {0});
        }

        bands.band(new double[] {0}, lower, upper);

        assertThat(upper[0]).isEqualTo(1);
    }
}
