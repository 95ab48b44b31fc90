package dev.asios.health.anomaly.trace;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Fuzzes the parser of labelled traces, files recorded elsewhere: any text is a trace that writes
 * back to the same trace, or is rejected with a message. The seeds are under
 * {@code LabelledTraceParserFuzzTestInputs/parse/}.
 */
class LabelledTraceParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(@NotNull String text) {
        parsedOrRejected(LabelledTraceParser::parse, text).ifPresent(trace -> {
            assertThat(trace.size()).isPositive();
            assertThat(LabelledTraceParser.parse(trace.toCsv())).isEqualTo(trace);
            for (LabelledWindow window : trace.windows()) {
                assertThat(window.startEpochMs()).isLessThanOrEqualTo(window.endEpochMs());
                assertThat(window.label()).isNotEqualTo(LabelledTrace.NORMAL);
            }
        });
    }
}
