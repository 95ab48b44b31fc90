package dev.asios.observe.kerneltext;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static dev.asios.observe.kerneltext.CollectorTesting.parsing;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes the parser of single-value sysfs files: any input parses to the one number it holds, or
 * fails with a {@link ParseException} that has a message; nothing else escapes. A parsed number
 * parses again from its decimal form. The seeds are
 * under {@code KernelTextFuzzTestInputs/<method>/}.
 */
class KernelTextFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void singleNumber(@NotNull String text) {
        SingleNumber number = new SingleNumber();
        parsedOrRejected(parsing(number), text).ifPresent(parsed -> {
            long value = parsed.value();
            SingleNumber again = new SingleNumber();
            again.parse(ByteText.of(value + "\n"));
            assertThat(again.value()).isEqualTo(value);
        });
    }
}
