package dev.asios.host.cgroup;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Fuzzes the parsers of cgroup files: any input parses to non-negative counters, or fails with
 * a {@link ParseException}; nothing else escapes. The seeds are under
 * {@code CgroupFuzzTestInputs/<method>/}.
 */
class CgroupFuzzTest {

    private static final String[] CPU_KEYS = {"usage_usec", "user_usec", "system_usec", "nr_periods", "nr_throttled", "throttled_usec"};

    @FuzzTest(maxDuration = "30s")
    void flatKeyed(@NotNull String text) {
        parsedOrRejected(FlatKeyedParser::parse, text).ifPresent(counters -> {
            assertThat(counters).isNotEmpty();
            assertThat(counters.values()).allSatisfy(v -> assertThat(v).isNotNegative());
        });
    }

    @FuzzTest(maxDuration = "30s")
    void flatKeyedSelect(@NotNull String text) {
        parsedOrRejected(t -> {
            long[] values = new long[CPU_KEYS.length];
            FlatKeyedParser.select(ByteText.of(t), CPU_KEYS, values);
            return values;
        }, text).ifPresent(values -> {
            for (int i = 0; i < values.length; i++) {
                assertThat(values[i] >= 0 || values[i] == FlatKeyedParser.ABSENT).isTrue();
                if (!text.contains(CPU_KEYS[i])) {
                    assertThat(values[i]).isEqualTo(FlatKeyedParser.ABSENT);
                }
            }
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

    @FuzzTest(maxDuration = "30s")
    void limit(@NotNull String text) {
        parsedOrRejected(t -> CgroupValueParser.limit(ByteText.of(t)), text)
                .ifPresent(bytes -> assertThat(bytes >= 0 && bytes < CgroupValueParser.V1_UNLIMITED_FROM || bytes == CgroupValueParser.UNLIMITED).isTrue());
        parsedOrRejected(t -> CgroupValueParser.count(ByteText.of(t)), text).ifPresent(count -> assertThat(count).isNotNegative());
    }

    @FuzzTest(maxDuration = "30s")
    void ioStat(@NotNull String text) {
        parsedOrRejected(t -> summed(IoStatParser::sumIoStat, 4, t), text).ifPresent(CgroupFuzzTest::assertNotNegative);
    }

    @FuzzTest(maxDuration = "30s")
    void blkio(@NotNull String text) {
        parsedOrRejected(t -> summed(IoStatParser::sumBlkio, 2, t), text).ifPresent(CgroupFuzzTest::assertNotNegative);
    }

    private static long[] summed(BiConsumer<ByteText, long[]> parser, int size, String text) {
        long[] totals = new long[size];
        parser.accept(ByteText.of(text), totals);
        return totals;
    }

    private static void assertNotNegative(long[] totals) {
        assertThat(Arrays.stream(totals).min().orElseThrow()).isNotNegative();
    }
}
