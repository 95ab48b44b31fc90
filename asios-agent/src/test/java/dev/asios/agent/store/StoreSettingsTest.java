package dev.asios.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void theDefaultsKeepAnHourOfRoundsAndAWeekOfMinutesInAGibibyte() {
        assertThat(StoreSettings.DEFAULTS.rawRetention()).isEqualTo(Duration.ofHours(1));
        assertThat(StoreSettings.DEFAULTS.minuteRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(StoreSettings.DEFAULTS.maxBytes()).isEqualTo(1L << 30);
    }

    @Test
    void theReserveIsTheLargerOfBytesAndShare() {
        long gib = 1L << 30;
        assertThat(StoreSettings.DEFAULTS.reserveBytes(10 * gib)).as("small disk: 1 GiB > 5 %").isEqualTo(gib);
        assertThat(StoreSettings.DEFAULTS.reserveBytes(1000 * gib)).as("large disk: 5 % > 1 GiB").isEqualTo(50 * gib);
    }

    @Test
    void badSettingsAreNamedWithTheirBoundAndValue() {
        assertThatThrownBy(() -> StoreSettings.DEFAULTS.withRetention(Duration.ofSeconds(30), Duration.ofDays(1)))
                .hasMessage("store raw retention must be at least 1 minute, given PT30S");
        assertThatThrownBy(() -> StoreSettings.DEFAULTS.withRetention(Duration.ofHours(2), Duration.ofHours(1)))
                .hasMessage("store minute retention must be at least the raw retention PT2H, given PT1H");
        assertThatThrownBy(() -> StoreSettings.DEFAULTS.withMaxBytes(1000)).hasMessage("store max bytes must be at least 1048576, given 1000");
        assertThatThrownBy(() -> StoreSettings.DEFAULTS.withMinFree(-1, 0)).hasMessage("store min free bytes must be at least 0, given -1");
        assertThatThrownBy(() -> StoreSettings.DEFAULTS.withMinFree(0, 0.9)).hasMessage("store min free fraction must be within [0, 0.5], given 0.9");
        assertThatThrownBy(() -> StoreSettings.DEFAULTS.withMinFree(0, Double.NaN)).hasMessageContaining("NaN");
    }
}
