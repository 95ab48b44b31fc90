package dev.asios.host.block;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes every parser of block device attributes: any input parses, to a value that keeps the
 * parser's invariants, or fails with a {@link ParseException} that has a message; nothing else
 * escapes. The seeds are under {@code BlockFuzzTestInputs/<method>/}.
 */
class BlockFuzzTest {

    private static final long SECTOR_BYTES = 512;

    @FuzzTest(maxDuration = "30s")
    void sizeBytes(@NotNull String text) {
        parsedOrRejected(BlockAttributeParser::parseSizeBytes, text).ifPresent(sizeBytes -> {
            assertThat(sizeBytes).isNotNegative();
            assertThat(sizeBytes % SECTOR_BYTES).isZero();
        });
    }

    @FuzzTest(maxDuration = "30s")
    void flag(@NotNull String text) {
        parsedOrRejected(BlockAttributeParser::parseFlag, text).ifPresent(flag -> assertThat(flag).isEqualTo(text.strip().equals("1")));
    }

    @FuzzTest(maxDuration = "30s")
    void scheduler(@NotNull String text) {
        parsedOrRejected(BlockAttributeParser::parseScheduler, text).ifPresent(scheduler -> {
            assertThat(scheduler.available()).contains(scheduler.active());
            assertThat(scheduler.available()).allSatisfy(name -> assertThat(name).isNotEmpty().doesNotContain("[", "]", " "));
        });
    }
}
