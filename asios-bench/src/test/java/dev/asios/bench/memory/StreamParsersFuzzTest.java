package dev.asios.bench.memory;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes the parsers of the reference tools' output: any input parses to positive finite rates or
 * fails with a {@link ParseException} that has a message; nothing else escapes. The seeds are under
 * {@code StreamParsersFuzzTestInputs/<method>/}.
 */
class StreamParsersFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void streamOutput(@NotNull String text) {
        parsedOrRejected(StreamOutputParser::parse, text).ifPresent(rates -> {
            for (StreamKernel kernel : StreamKernel.values()) {
                assertThat(rates.of(kernel)).isPositive().isFinite();
            }
        });
    }

    @FuzzTest(maxDuration = "30s")
    void stressNgStream(@NotNull String text) {
        parsedOrRejected(StressNgStreamParser::parse, text).ifPresent(rate -> {
            assertThat(rate.instances()).isPositive();
            assertThat(rate.readMibPerSecond()).isNotNegative().isFinite();
            assertThat(rate.writeMibPerSecond()).isNotNegative().isFinite();
            assertThat(rate.megabytesPerSecond()).isPositive().isFinite();
        });
    }

    @FuzzTest(maxDuration = "30s")
    void likwidBench(@NotNull String text) {
        parsedOrRejected(LikwidBenchParser::parseRate, text).ifPresent(rate -> assertThat(rate).isPositive().isFinite());
        assertThat(LikwidBenchParser.parseTests(text)).allMatch(test -> !test.isEmpty());
    }
}
