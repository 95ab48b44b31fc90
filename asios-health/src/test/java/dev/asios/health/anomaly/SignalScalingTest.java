package dev.asios.health.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignalScalingTest {

    @Test
    void everySignalGetsTheSameSpread() {
        SignalScaling scaling = SignalScaling.calibrate(List.of("a", "b", "c"), List.of(new double[] {0.001, 1e9, 50}, new double[] {0.003, 3e9, 50}));
        double[] factors = scaling.factors();
        assertThat(factors[0]).isCloseTo(SignalScaling.TARGET_SPREAD / 0.001, within(1e-3));
        assertThat(factors[1]).isCloseTo(SignalScaling.TARGET_SPREAD / 1e9, within(1e-15));
        assertThat(factors[2]).as("a constant signal: one thousandth of its level").isCloseTo(SignalScaling.TARGET_SPREAD / 0.05, within(1e-6));
    }

    @Test
    void aSignalConstantlyZeroIsAmplifiedFinitely() {
        SignalScaling scaling = SignalScaling.calibrate(List.of("a"), List.of(new double[] {0}, new double[] {0}));
        assertThat(scaling.factors()[0]).isFinite().isPositive();
        assertThat(scaling.toForest(new double[] {1})[0]).isFinite();
    }

    @Test
    void aSignalConstantWhileCalibratingIsNotScaledBelowItsResolution() {
        SignalScaling scaling = SignalScaling.calibrate(List.of("irq_softirq_ratio", "runqueue_p99_seconds", "write_bytes_per_second", "x"),
                List.of(new double[] {0, 4e-5, 0, 0}, new double[] {0, 4e-5, 0, 0}));
        double[] oneTick = scaling.toForest(new double[] {0.0099, 5e-5, 4096, 0});
        assertThat(oneTick[0]).as("one jiffy of interrupt time: about one spread").isCloseTo(990, within(1e-6));
        assertThat(oneTick[1]).as("10 µs more run-queue latency: one spread").isCloseTo(SignalScaling.TARGET_SPREAD * 5e-5 / 1e-5, within(1e-6));
        assertThat(oneTick[2]).as("a page written per second").isLessThan(10);
        assertThat(scaling.factors()[3]).as("no unit, no floor").isEqualTo(SignalScaling.TARGET_SPREAD / 1e-9);
        assertThat(SignalResolution.of("busy_ratio")).isEqualTo(0.01);
        assertThat(SignalResolution.of("interrupts_per_second")).isEqualTo(10);
        assertThat(SignalResolution.of("runqueue_wait_seconds_per_second")).isEqualTo(0.01);
        assertThat(SignalResolution.of("hugepages_free_bytes")).isEqualTo(2 * 1024 * 1024);
        assertThat(SignalResolution.of("procs_running")).isEqualTo(1);
    }

    @Test
    void valuesComeBackInTheirOwnUnit() {
        SignalScaling scaling = SignalScaling.calibrate(List.of("a", "b"), List.of(new double[] {1, 10}, new double[] {2, 30}));
        double[] forest = scaling.toForest(new double[] {1.5, 20});
        assertThat(scaling.fromForest(0, forest[0])).isCloseTo(1.5, within(1e-12));
        assertThat(scaling.fromForest(1, forest[1])).isCloseTo(20, within(1e-12));
    }
}
