package dev.asios.bench.e2e;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes the reader of the inference server's result line: any input yields a round whose numbers
 * keep their bounds, and that writes back to a line that reads the same, or a {@link ParseException}
 * with a message; nothing else escapes. The seeds are under {@code ServerLinesFuzzTestInputs/<method>/}.
 */
class ServerLinesFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void served(@NotNull String text) {
        parsedOrRejected(ServerLines::parse, text).ifPresent(round -> {
            assertThat(round.throughputPerSecond()).isPositive().isFinite();
            assertThat(round.withinSla()).isBetween(0L, round.requests());
            assertThat(round.slaPercent()).isBetween(0.0, 100.0);
            assertThat(round.countsUs().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(round.requests());
            assertThat(ServerLines.parse(ServerLines.served(round))).isEqualTo(round);
        });
    }
}
