package dev.asios.host.numa;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes every parser of NUMA text: any input parses, to a value that keeps the parser's
 * invariants, or fails with a {@link ParseException} that has a message; nothing else escapes. The
 * seeds are under {@code NumaFuzzTestInputs/<method>/}.
 */
class NumaFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void meminfo(@NotNull String text) {
        parsedOrRejected(MeminfoParser::parse, text).ifPresent(fields -> {
            assertThat(fields).isNotEmpty();
            fields.forEach((key, value) -> {
                assertThat(key).isNotEmpty();
                assertThat(value).as("%s in bytes or pages", key).isNotNegative();
            });
        });
    }

    @FuzzTest(maxDuration = "30s")
    void numaStatusNode(@NotNull String text) {
        parsedOrRejected(NumaReader::parseNumaStatusNode, text).ifPresent(node -> node.ifPresent(n -> assertThat(n).isNotNegative()));
    }

    @FuzzTest(maxDuration = "30s")
    void distanceRow(@NotNull String text) {
        parsedOrRejected(NumaReader::parseDistanceRow, text).ifPresent(row -> assertThat(row).isNotEmpty());
    }
}
