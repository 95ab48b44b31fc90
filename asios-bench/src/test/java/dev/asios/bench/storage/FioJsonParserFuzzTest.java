package dev.asios.bench.storage;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes the fio JSON parser: any input parses, to traffic that is never negative and a finite
 * bandwidth, or fails with a {@link ParseException} that has a message; nothing else escapes. The
 * seeds, recorded fio outputs, are under {@code FioJsonParserFuzzTestInputs/parse/}.
 */
class FioJsonParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(@NotNull String text) {
        parsedOrRejected(FioJsonParser::parse, text).ifPresent(result -> {
            assertThat(result.version()).isNotNull();
            for (FioResult.Throughput traffic : new FioResult.Throughput[] {result.read(), result.write()}) {
                assertThat(traffic.ioBytes()).isNotNegative();
                assertThat(traffic.gigabytesPerSecond()).isFinite().isNotNegative();
            }
        });
    }
}
