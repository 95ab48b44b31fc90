package dev.asios.observe.disk;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.observe.collect.TableLayout;

/**
 * Fuzzes the {@code /proc/diskstats} parser: any input gives device names that are words of the
 * input, which the collector's layout then matches line for line, or fails with a
 * {@link ParseException}; nothing else escapes. The seeds are under
 * {@code DiskFuzzTestInputs/<method>/}.
 */
class DiskFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void diskstats(@NotNull String text) {
        parsedOrRejected(t -> DiskStatsParser.deviceNames(ByteText.of(t)), text).ifPresent(names -> {
            assertThat(names).allSatisfy(name -> assertThat(name).isNotEmpty().doesNotContainPattern("[ \\t\\n\\r\\x00]"));
            assertThat(names).allSatisfy(name -> assertThat(text).contains(name));
            TableLayout layout = new TableLayout();
            layout.relayout(names, (line, name, existing) -> null);
            ByteText again = ByteText.of(text);
            long[] counters = new long[DiskStatsParser.WITH_FLUSHES];
            int line = 0;
            while (again.nextLine()) {
                if (again.hasWord()) {
                    DiskStatsParser.skipDeviceNumbers(again);
                    assertThat(layout.matches(line++, again)).isTrue();
                    int count = DiskStatsParser.counters(again, counters);
                    for (int i = 0; i < count; i++) {
                        assertThat(counters[i]).isNotNegative();
                    }
                }
            }
            assertThat(line).isEqualTo(names.size());
        });
    }
}
