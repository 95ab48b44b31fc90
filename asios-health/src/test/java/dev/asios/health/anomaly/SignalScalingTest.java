package dev.asios.health.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignalScalingTest {

    @Test
    void everySignalGetsTheSameSpread() {
        SignalScaling scaling = SignalScaling.calibrate(List.of(new double[] {0.001, 1e9, 50}, new double[] {0.003, 3e9, 50}));
        double[] factors = scaling.factors();
        assertThat(factors[0]).isCloseTo(SignalScaling.TARGET_SPREAD / 0.001, within(1e-3));
        assertThat(factors[1]).isCloseTo(SignalScaling.TARGET_SPREAD / 1e9, within(1e-15));
        assertThat(factors[2]).as("a constant signal: one thousandth of its level").isCloseTo(SignalScaling.TARGET_SPREAD / 0.05, within(1e-6));
    }

    @Test
    void aSignalConstantlyZeroIsAmplifiedFinitely() {
        SignalScaling scaling = SignalScaling.calibrate(List.of(new double[] {0}, new double[] {0}));
        assertThat(scaling.factors()[0]).isFinite().isPositive();
        assertThat(scaling.toForest(new double[] {1})[0]).isFinite();
    }

    @Test
    void valuesComeBackInTheirOwnUnit() {
        SignalScaling scaling = SignalScaling.calibrate(List.of(new double[] {1, 10}, new double[] {2, 30}));
        double[] forest = scaling.toForest(new double[] {1.5, 20});
        assertThat(scaling.fromForest(0, forest[0])).isCloseTo(1.5, within(1e-12));
        assertThat(scaling.fromForest(1, forest[1])).isCloseTo(20, within(1e-12));
    }
}
