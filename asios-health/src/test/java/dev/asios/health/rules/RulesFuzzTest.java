package dev.asios.health.rules;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.CpuSet;

/**
 * Fuzzes the parsers of task files: any input parses to values within their ranges or is
 * rejected with a message. Seeds under {@code RulesFuzzTestInputs/<method>/}.
 */
class RulesFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void taskStat(@NotNull String text) {
        parsedOrRejected(TaskStatFields::of, text).ifPresent(fields -> {
            assertThat(fields.processor()).isBetween(0, CpuSet.MAX_CPU - 1);
            assertThat(fields.flags()).isBetween(0L, 0xffff_ffffL);
        });
    }
}
