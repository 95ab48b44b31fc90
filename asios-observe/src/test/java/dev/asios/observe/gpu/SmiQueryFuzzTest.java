package dev.asios.observe.gpu;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes the parser of {@code nvidia-smi --query-gpu} output: any input parses, to rows that keep
 * the parser's invariants, or fails with a {@link ParseException} that has a message; nothing else
 * escapes. The seeds are under {@code SmiQueryFuzzTestInputs/query/}.
 */
class SmiQueryFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void query(@NotNull String text) {
        parsedOrRejected(SmiQueryParser::parse, text).ifPresent(rows -> rows.forEach(row -> {
            assertThat(row.index()).isBetween(0, 9999);
            assertThat(row.uuid()).isNotBlank().doesNotContain(" ", ",");
            row.utilizationRatio().ifPresent(ratio -> assertThat(ratio).isBetween(0.0, 1.0));
            row.memoryUtilizationRatio().ifPresent(ratio -> assertThat(ratio).isBetween(0.0, 1.0));
            row.memoryUsedBytes().ifPresent(bytes -> assertThat(bytes).isNotNegative());
            row.memoryTotalBytes().ifPresent(bytes -> assertThat(bytes).isNotNegative());
            row.smClockHertz().ifPresent(hertz -> assertThat(hertz).isNotNegative());
            row.memoryClockHertz().ifPresent(hertz -> assertThat(hertz).isNotNegative());
            row.powerWatts().ifPresent(watts -> assertThat(watts).isNotNegative().isFinite());
            row.temperatureCelsius().ifPresent(celsius -> assertThat(celsius).isNotNegative().isFinite());
            row.eccCorrected().ifPresent(count -> assertThat(count).isNotNegative());
            row.eccUncorrected().ifPresent(count -> assertThat(count).isNotNegative());
        }));
    }
}
