package dev.asios.observe.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromOneSecondToAMinuteAndStartsOverAfterAHealthyMinute() {
        Backoff backoff = new Backoff(Backoff.STANDARD);
        Duration crash = Duration.ofMillis(200);
        assertThat(backoff.afterRun(crash)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.afterRun(crash)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.afterRun(crash)).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 10; i++) {
            backoff.afterRun(crash);
        }
        assertThat(backoff.afterRun(crash)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.afterRun(Duration.ofSeconds(59))).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.afterRun(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.afterRun(crash)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new Backoff.Settings(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessageContaining("0 < first");
        assertThatThrownBy(() -> new Backoff.Settings(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessageContaining("ceiling");
    }
}
