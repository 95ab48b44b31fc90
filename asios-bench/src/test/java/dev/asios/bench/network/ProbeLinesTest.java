package dev.asios.bench.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

class ProbeLinesTest {

    @Test
    void readsWhatItWrites() {
        assertThat(ProbeLines.parsePort(ProbeLines.listening(40123))).isEqualTo(40123);
        assertThat(ProbeLines.parseGbitPerSecond(ProbeLines.received(1_250_000_000L, 1_000_000_000L))).isEqualTo(10.0);
        ProbeLines.checkConnected(ProbeLines.connected(2));
    }

    @Test
    void tellsReportsFromOtherOutput() {
        assertThat(ProbeLines.isReport("listening 1")).isTrue();
        assertThat(ProbeLines.isReport("error boom")).isTrue();
        assertThat(ProbeLines.isReport("WARNING: A restricted method in java.lang.foreign.Linker has been called")).isFalse();
    }

    @Test
    void anErrorLineBecomesTheMessage() {
        assertThatThrownBy(() -> ProbeLines.parsePort(ProbeLines.error("Address already in use")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Address already in use");
        assertThatThrownBy(() -> ProbeLines.checkConnected("error Connection refused"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Connection refused");
    }

    @Test
    void rejectsMalformedLines() {
        assertThatThrownBy(() -> ProbeLines.parsePort("listening 0")).isInstanceOf(ParseException.class).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> ProbeLines.parsePort("listening x")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> ProbeLines.parseGbitPerSecond("received 5 bytes in 0 ns")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> ProbeLines.parseGbitPerSecond("received -5 bytes in 10 ns")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> ProbeLines.parseGbitPerSecond("received 5 bytes")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> ProbeLines.parseGbitPerSecond("listening 5")).isInstanceOf(ParseException.class).hasMessageContaining("received");
    }
}
