package dev.asios.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void aLogScaleTicksEveryPowerOfTenAndGivesEachDecadeTheSameLength() {
        LogScale scale = LogScale.decades(3, 4500);

        assertThat(scale.lower()).isEqualTo(1);
        assertThat(scale.upper()).isEqualTo(10_000);
        assertThat(scale.ticks()).containsExactly(1.0, 10.0, 100.0, 1000.0, 10_000.0);
        assertThat(scale.fraction(100)).isCloseTo(0.5, within(1e-12));
        assertThat(scale.fraction(10) - scale.fraction(1)).isCloseTo(scale.fraction(10_000) - scale.fraction(1000), within(1e-12));
    }

    @Test
    void aLogScaleOfOneValueStillSpansADecade() {
        assertThat(LogScale.decades(100, 100).ticks()).containsExactly(100.0, 1000.0);
    }

    @Test
    void theCountAxisShowsACountOfOneAboveTheBottom() {
        LogScale counts = LogScale.counts(4321);

        assertThat(counts.fraction(1)).isPositive();
        assertThat(counts.ticks()).containsExactly(1.0, 10.0, 100.0, 1000.0, 10_000.0);
    }

    @Test
    void aLogScaleRefusesZero() {
        assertThatThrownBy(() -> new LogScale(0, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < lower");
    }

    @Test
    void aLinearScaleEndsOnRoundNumbers() {
        LinearScale scale = LinearScale.covering(0, 87);

        assertThat(scale.step()).isEqualTo(20);
        assertThat(scale.ticks()).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
        assertThat(scale.fraction(50)).isEqualTo(0.5);
        assertThat(scale.fraction(-5)).isZero();
    }

    @Test
    void aLinearScaleAroundOneKeepsSmallSteps() {
        LinearScale scale = LinearScale.covering(0.93, 1.07);

        assertThat(scale.ticks()).extracting(Scale::label).containsExactly("0.9", "0.95", "1", "1.05", "1.1");
    }

    @Test
    void aLinearScaleOfOneValueIsWidened() {
        assertThat(LinearScale.covering(0, 0).upper()).isEqualTo(1);
        assertThat(LinearScale.covering(1, 1).lower()).isLessThan(1);
        assertThat(LinearScale.covering(1, 1).upper()).isGreaterThan(1);
    }

    @Test
    void labelsAreShortAndPlain() {
        assertThat(Scale.label(1e6)).isEqualTo("1000000");
        assertThat(Scale.label(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Scale.label(99.9)).isEqualTo("99.9");
    }
}
