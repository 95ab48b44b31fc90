package dev.asios.health.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void valuesWithTheirUnits() {
        assertThat(Quantities.format(64L << 30, "bytes")).isEqualTo("64.0 GiB");
        assertThat(Quantities.format(1536L << 20, "bytes")).isEqualTo("1.5 GiB");
        assertThat(Quantities.format(512, "bytes")).isEqualTo("512 bytes");
        assertThat(Quantities.format(0, "bytes")).isEqualTo("0 bytes");
        assertThat(Quantities.format(85, "celsius")).isEqualTo("85 °C");
        assertThat(Quantities.format(85.44, "celsius")).isEqualTo("85.4 °C");
        assertThat(Quantities.format(0.0123, "ratio")).isEqualTo("0.0123 ratio");
        assertThat(Quantities.format(1234.5, "")).isEqualTo("1235");
    }

    @Test
    void durationsRoundedToTheirUnit() {
        assertThat(Quantities.duration(44.6)).isEqualTo("45 s");
        assertThat(Quantities.duration(2400)).isEqualTo("40 min");
        assertThat(Quantities.duration(7140)).isEqualTo("119 min");
        assertThat(Quantities.duration(7200)).isEqualTo("2 h");
        assertThat(Quantities.duration(7800)).isEqualTo("2 h 10 min");
    }

    @Test
    void rangesSayTheUnitOnceWhenTheyShareIt() {
        assertThat(Quantities.durationRange(1500, 4200)).isEqualTo("25–70 min");
        assertThat(Quantities.durationRange(30, 4200)).isEqualTo("30 s–70 min");
        assertThat(Quantities.durationRange(3000, 7800)).isEqualTo("50 min–2 h 10 min");
    }
}
