package dev.asios.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The inference server's result line, written and read back, and lines that are not one. */
class ServerLinesTest {

    private static final String LINE = "served throughput=912.5 offered=638.75 p50=1274 p99=2077 p999=3467 max=3677 within=3 total=4"
            + " counts=1016:1,1274:1,2077:1,3677:1";

    @Test
    void aServedLineIsReadBack() {
        ServerRound round = ServerLines.parse(LINE);

        assertThat(round.throughputPerSecond()).isEqualTo(912.5);
        assertThat(round.offeredPerSecond()).isEqualTo(638.75);
        assertThat(round.p99Us()).isEqualTo(2077);
        assertThat(round.slaPercent()).isEqualTo(75.0);
        assertThat(round.countsUs()).containsExactlyEntriesOf(new TreeMap<>(Map.of(1016L, 1L, 1274L, 1L, 2077L, 1L, 3677L, 1L)));
        assertThat(ServerLines.served(round)).isEqualTo(LINE);
    }

    @Test
    void theServersErrorIsQuoted() {
        assertThat(ServerLines.isReport("error CPUS must be a list")).isTrue();
        assertThat(ServerLines.isReport("OpenJDK 64-Bit Server VM warning: ...")).isFalse();
        assertThatThrownBy(() -> ServerLines.parse("error CPUS must be a list")).isInstanceOf(ParseException.class)
                .hasMessage("the inference server failed: \"CPUS must be a list\"");
    }

    @Test
    void linesOutOfShapeOrBoundsAreRefused() {
        assertRefused("listening 5201", "expected a line starting \"served\"");
        assertRefused("served throughput=1", "expected 9 fields");
        assertRefused(LINE.replace("offered=", "offer="), "expected field 2 to be offered=...");
        assertRefused(LINE.replace("p50=1274", "p50=9999"), "percentiles must rise");
        assertRefused(LINE.replace("within=3", "within=5"), "at most that many within the SLA");
        assertRefused(LINE.replace("1016:1,", "1016:2,"), "add up to 5, not to the 4 requests");
        assertRefused(LINE.replace("1274:1,2077:1", "2077:1,1274:1"), "latencies must rise");
        assertRefused(LINE.replace("throughput=912.5", "throughput=NaN"), "positive and finite");
        assertRefused(LINE.replace("1016:1", "1016"), "a count is US:COUNT");
    }

    private static void assertRefused(String line, String message) {
        assertThatThrownBy(() -> ServerLines.parse(line)).isInstanceOf(ParseException.class).hasMessageContaining(message);
    }
}
