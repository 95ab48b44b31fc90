package dev.asios.health.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @Test
    void readsOneUnitOrSeveralFromTheLargestDown() {
        assertThat(DurationText.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(DurationText.parse("10m")).contains(Duration.ofMinutes(10));
        assertThat(DurationText.parse("1h")).contains(Duration.ofHours(1));
        assertThat(DurationText.parse("2d")).contains(Duration.ofDays(2));
        assertThat(DurationText.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(DurationText.parse("0s")).contains(Duration.ZERO);
        assertThat(DurationText.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(DurationText.parse("1d2h3m4s5ms")).contains(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "s", "1.5m", "-1s", "+1s", "1 s", " 1s", "1S", "1m1h", "1s1s", "1min", "1w", "1234567890s", "1ms1s"})
    void refusesOtherText(String text) {
        assertThat(DurationText.parse(text)).isEmpty();
    }

    @Test
    void writesLargestUnitsFirstAndReadsBackTheSame() {
        assertThat(DurationText.format(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(DurationText.format(Duration.ofSeconds(252))).isEqualTo("4m12s");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
        assertThat(DurationText.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(DurationText.format(Duration.ofSeconds(-5))).isEqualTo("0s");
        for (Duration d : new Duration[] {Duration.ofMillis(1), Duration.ofHours(25), Duration.ofMillis(90_061_001)}) {
            assertThat(DurationText.parse(DurationText.format(d))).contains(d);
        }
    }
}
