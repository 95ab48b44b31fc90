package dev.asios.observe.pressure;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static dev.asios.observe.kerneltext.CollectorTesting.parsing;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes the pressure-stall parser: any input parses to totals read from a {@code some} line, or
 * fails with a {@link ParseException} that has a message; nothing else escapes. The seeds are
 * under {@code PressureFuzzTestInputs/<method>/}.
 */
class PressureFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void stalls(@NotNull String text) {
        PressureStalls stalls = new PressureStalls();
        parsedOrRejected(parsing(stalls), text).ifPresent(parsed -> {
            assertThat(text).contains("some ").contains("total=");
            if (parsed.hasFull()) {
                assertThat(text).contains("full ");
            }
        });
    }
}
