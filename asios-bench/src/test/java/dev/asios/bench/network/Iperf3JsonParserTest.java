package dev.asios.bench.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Iperf3JsonParserTest {

    @Test
    void readsTheReceiversRateFromARecordedLoopbackRun() throws IOException {
        // iperf3 3.12 -c 127.0.0.1 -t 2 -O 1 -J on the development machine
        assertThat(Iperf3JsonParser.receivedBitsPerSecond(resource("iperf3-loopback.json"))).isEqualTo(12251154750.924236);
    }

    @Test
    void quotesTheErrorIperf3Reported() throws IOException {
        assertThatThrownBy(() -> Iperf3JsonParser.receivedBitsPerSecond(resource("iperf3-refused.json")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("unable to connect to server: Connection refused");
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> Iperf3JsonParser.receivedBitsPerSecond("iperf3: error - unable to connect"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("not JSON")
                .hasMessageContaining("unable to connect");
    }

    @Test
    void rejectsJsonWithoutTheField() {
        assertThatThrownBy(() -> Iperf3JsonParser.receivedBitsPerSecond("{\"end\":{\"sum_sent\":{\"bits_per_second\":1}}}"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("end.sum_received.bits_per_second");
        assertThatThrownBy(() -> Iperf3JsonParser.receivedBitsPerSecond("[1]")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> Iperf3JsonParser.receivedBitsPerSecond("")).isInstanceOf(ParseException.class);
    }

    @Test
    void rejectsARateThatIsNotOne() {
        assertThatThrownBy(() -> Iperf3JsonParser.receivedBitsPerSecond("{\"end\":{\"sum_received\":{\"bits_per_second\":-5}}}"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("-5");
        assertThatThrownBy(() -> Iperf3JsonParser.receivedBitsPerSecond("{\"end\":{\"sum_received\":{\"bits_per_second\":\"fast\"}}}"))
                .isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> Iperf3JsonParser.receivedBitsPerSecond("{\"end\":{\"sum_received\":{\"bits_per_second\":1e999}}}"))
                .isInstanceOf(ParseException.class);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Iperf3JsonParserTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
