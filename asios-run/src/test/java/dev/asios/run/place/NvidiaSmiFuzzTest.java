package dev.asios.run.place;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes the parsers of nvidia-smi output: any input parses, to a value that keeps the parser's
 * invariants, or fails with a {@link ParseException} that has a message; nothing else escapes. The
 * seeds are under {@code NvidiaSmiFuzzTestInputs/<method>/}.
 */
class NvidiaSmiFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void topology(@NotNull String text) {
        parsedOrRejected(NvidiaSmiParser::parseNvlinks, text).ifPresent(counts -> counts.forEach(count -> {
            assertThat(count.gpuA()).isLessThan(count.gpuB()).isNotNegative();
            assertThat(count.links()).isPositive();
        }));
    }

    @FuzzTest(maxDuration = "30s")
    void busIds(@NotNull String text) {
        parsedOrRejected(NvidiaSmiParser::parseBusIds, text).ifPresent(ids -> ids.keySet().forEach(i -> assertThat(i).isNotNegative()));
    }
}
