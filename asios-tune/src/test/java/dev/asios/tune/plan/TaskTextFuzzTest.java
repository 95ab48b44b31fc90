package dev.asios.tune.plan;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/** Fuzzes the journal's task paths and placements: any text reads back to the same value or is refused with a message. */
class TaskTextFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void taskPath(@NotNull String text) {
        parsedOrRejected(TaskRef::parse, text).ifPresent(task -> assertThat(TaskRef.parse(task.path())).isEqualTo(task));
    }

    @FuzzTest(maxDuration = "30s")
    void taskPlacement(@NotNull String text) {
        parsedOrRejected(TaskPlacement::parse, text).ifPresent(placement -> assertThat(TaskPlacement.parse(placement.text())).isEqualTo(placement));
    }
}
