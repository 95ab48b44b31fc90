package dev.asios.host.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/** Fuzzes the CPU list and mask parsers: any input parses or fails with {@link ParseException}. */
class CpuSetFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void listParsesOrRejects(@NotNull String text) {
        try {
            CpuSet set = CpuSet.parseList(text);
            assertThat(CpuSet.parseList(set.toList())).isEqualTo(set);
        } catch (ParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void maskParsesOrRejects(@NotNull String text) {
        try {
            CpuSet set = CpuSet.parseMask(text);
            assertThat(CpuSet.parseMask(set.toMask(0))).isEqualTo(set);
        } catch (ParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
