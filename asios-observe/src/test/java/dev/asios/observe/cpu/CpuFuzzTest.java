package dev.asios.observe.cpu;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static dev.asios.observe.kerneltext.CollectorTesting.parsing;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes every parser of the CPU collector: any input parses, to a value that keeps the parser's
 * invariants, or fails with a {@link ParseException} that has a message; nothing else escapes. The
 * seeds are under {@code CpuFuzzTestInputs/<method>/}.
 */
class CpuFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void procStat(@NotNull String text) {
        parsedOrRejected(parsing(new ProcStat()), text).ifPresent(stat -> assertAscending(stat.cpus()));
    }

    @FuzzTest(maxDuration = "30s")
    void interrupts(@NotNull String text) {
        parsedOrRejected(parsing(new InterruptCounts()), text).ifPresent(counts -> {
            assertAscending(counts.columns());
            assertThat(counts.columns().count()).isPositive();
            for (int i = 0; i < counts.columns().count(); i++) {
                assertThat(counts.sum(i)).isNotNegative();
            }
        });
    }

    @FuzzTest(maxDuration = "30s")
    void softirqs(@NotNull String text) {
        parsedOrRejected(parsing(new SoftirqCounts()), text).ifPresent(counts -> {
            assertAscending(counts.columns());
            assertThat(counts.columns().count()).isPositive();
        });
    }

    @FuzzTest(maxDuration = "30s")
    void schedstat(@NotNull String text) {
        parsedOrRejected(parsing(new Schedstat()), text).ifPresent(schedstat -> {
            assertAscending(schedstat.cpus());
            assertThat(text).contains("version");
        });
    }

    private static void assertAscending(CpuIds cpus) {
        for (int i = 0; i < cpus.count(); i++) {
            assertThat(cpus.cpu(i)).isBetween(i == 0 ? 0 : cpus.cpu(i - 1) + 1, CpuSet.MAX_CPU);
            assertThat(cpus.contains(cpus.cpu(i))).isTrue();
        }
    }
}
