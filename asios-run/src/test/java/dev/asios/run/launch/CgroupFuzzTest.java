package dev.asios.run.launch;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes the parsers of cgroup statistics files: any input parses to non-negative counters, or
 * fails with a {@link ParseException}; nothing else escapes.
 */
class CgroupFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void flatKeyed(@NotNull String text) {
        parsedOrRejected(FlatKeyedParser::parse, text).ifPresent(counters -> {
            assertThat(counters).isNotEmpty();
            assertThat(counters.values()).allSatisfy(v -> assertThat(v).isNotNegative());
        });
    }

    @FuzzTest(maxDuration = "30s")
    void perCpuList(@NotNull String text) {
        parsedOrRejected(FlatKeyedParser::parseList, text).ifPresent(values -> {
            for (long value : values) {
                assertThat(value).isNotNegative();
            }
        });
    }
}
