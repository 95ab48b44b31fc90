package dev.asios.health.forecast;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;
import java.util.Arrays;

/**
 * Fuzzes the CSV parser of recorded series: any input yields samples with strictly increasing
 * times and finite values, or a {@link ParseException} with a message; nothing else escapes. The
 * seeds are under {@code EpochValueCsvFuzzTestInputs/<method>/}.
 */
class EpochValueCsvFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(@NotNull String text) {
        parsedOrRejected(EpochValueCsv::parse, text).ifPresent(series -> {
            assertThat(series.size()).isPositive();
            assertThat(Arrays.stream(series.values()).allMatch(Double::isFinite)).isTrue();
            for (int i = 1; i < series.size(); i++) {
                assertThat(series.epochMs(i)).isGreaterThan(series.epochMs(i - 1));
            }
        });
    }
}
