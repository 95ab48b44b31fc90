package dev.asios.bench.network;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes the iperf3 JSON parser: any input yields a finite rate >= 0 or a {@link ParseException}
 * with a message; nothing else escapes. The seeds are under {@code Iperf3JsonParserFuzzTestInputs/<method>/}.
 */
class Iperf3JsonParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void receivedBitsPerSecond(@NotNull String text) {
        parsedOrRejected(Iperf3JsonParser::receivedBitsPerSecond, text).ifPresent(rate -> assertThat(rate).isFinite().isNotNegative());
    }
}
