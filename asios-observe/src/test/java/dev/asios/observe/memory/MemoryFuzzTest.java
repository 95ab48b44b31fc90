package dev.asios.observe.memory;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static dev.asios.observe.kerneltext.CollectorTesting.parsing;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes the parser of the memory collector's key-value files: any input parses, to values whose
 * keys are in the text, or fails with a {@link ParseException} that has a message; nothing else
 * escapes. The seeds are under {@code MemoryFuzzTestInputs/<method>/}.
 */
class MemoryFuzzTest {

    private static final String[] KEYS = {"MemTotal:", "MemFree:", "pgfault", "numa_hit", "thp_split_pmd"};

    @FuzzTest(maxDuration = "30s")
    void kernelFields(@NotNull String text) {
        for (int prefixWords : new int[] {0, 2}) {
            KernelFields fields = new KernelFields(prefixWords, KEYS);
            parsedOrRejected(parsing(fields), text).ifPresent(parsed -> {
                for (int i = 0; i < KEYS.length; i++) {
                    if (parsed.has(i)) {
                        assertThat(text).contains(KEYS[i]);
                    }
                }
            });
        }
    }
}
