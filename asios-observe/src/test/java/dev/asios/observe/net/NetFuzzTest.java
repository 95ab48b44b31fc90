package dev.asios.observe.net;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.observe.collect.TableLayout;

/**
 * Fuzzes the {@code /proc/net/dev} parser: any input gives name words that end in their only
 * colon, which the collector's layout then matches line for line, or fails with a
 * {@link ParseException}; nothing else escapes. The seeds are under
 * {@code NetFuzzTestInputs/<method>/}.
 */
class NetFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void netDev(@NotNull String text) {
        parsedOrRejected(t -> NetDevParser.nameWords(ByteText.of(t)), text).ifPresent(words -> {
            for (String word : words) {
                assertThat(word).endsWith(":").doesNotContainPattern("[ \\t\\n\\r\\x00]");
                assertThat(NetDevParser.interfaceName(word)).isNotEmpty().doesNotContain(":");
                assertThat(text).contains(word);
            }
            TableLayout layout = new TableLayout();
            layout.relayout(words, (line, name, existing) -> null);
            ByteText again = ByteText.of(text);
            NetDevParser.skipHeader(again);
            int line = 0;
            while (again.nextLine()) {
                if (again.hasWord()) {
                    assertThat(layout.matches(line++, again)).isTrue();
                }
            }
            assertThat(line).isEqualTo(words.size());
        });
    }
}
