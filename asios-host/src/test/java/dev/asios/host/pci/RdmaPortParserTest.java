package dev.asios.host.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RdmaPortParserTest {

    @Test
    void parsesNumberedStates() {
        assertThat(RdmaPortParser.parseState("4: ACTIVE\n")).isEqualTo("ACTIVE");
        assertThat(RdmaPortParser.parseState("5: LinkUp")).isEqualTo("LinkUp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ACTIVE", "4:", ": ACTIVE", "x: ACTIVE", "4444: ACTIVE", ":"})
    void rejectsGarbledStates(String text) {
        assertThatThrownBy(() -> RdmaPortParser.parseState(text)).isInstanceOf(ParseException.class);
    }

    @Test
    void parsesRates() {
        assertThat(RdmaPortParser.parseRate("100 Gb/sec (4X EDR)\n")).isEqualTo(new RdmaRate(100.0, "4X EDR"));
        assertThat(RdmaPortParser.parseRate("2.5 Gb/sec (1X SDR)")).isEqualTo(new RdmaRate(2.5, "1X SDR"));
        assertThat(RdmaPortParser.parseRate("25 Gb/sec")).isEqualTo(new RdmaRate(25.0, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Gb/sec", "fast Gb/sec (4X)", "100 Gb/sec 4X EDR", "100 Gb/sec ()", "100 Gb/sec (4X EDR",
        "1.2.3 Gb/sec", "100Gb/sec", "-100 Gb/sec"})
    void rejectsGarbledRates(String text) {
        assertThatThrownBy(() -> RdmaPortParser.parseRate(text)).isInstanceOf(ParseException.class);
    }
}
