package dev.asios.health.heal.neighbour;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/** Fuzzes the {@code /proc/PID/cgroup} parser: memberships with plain absolute paths, or a ParseException. */
class ProcCgroupFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void procCgroup(@NotNull String text) {
        parsedOrRejected(ProcCgroupParser::parse, text).ifPresent(memberships -> memberships.forEach(m -> {
            assertThat(m.path()).startsWith("/").doesNotContain("/../").doesNotEndWith("/..");
            assertThat(m.controllers()).doesNotContainNull();
        }));
    }
}
