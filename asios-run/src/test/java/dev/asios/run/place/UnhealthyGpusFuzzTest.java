package dev.asios.run.place;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/** Fuzzes the reader of the unhealthy-GPU marks: a value that renders and reads back the same, or a {@code ParseException}. */
class UnhealthyGpusFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void marks(@NotNull String text) {
        parsedOrRejected(t -> UnhealthyGpus.parse(t, "fuzz.json"), text)
                .ifPresent(marks -> assertThat(UnhealthyGpus.parse(marks.render(), "again")).isEqualTo(marks));
    }
}
