package dev.asios.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.bench.BenchException;
import dev.asios.bench.Progress;
import dev.asios.bench.TargetResult;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code asios bench e2e -- COMMAND}: real commands of the host, timed round by round. */
@Tag("slow")
class CommandBenchmarkTest {

    private static final String PATH = "/usr/bin:/bin";

    @Test
    void trueIsTimedEveryRoundAndItsOutputGoesAside() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        CommandBenchmark benchmark = new CommandBenchmark(Sysroot.host(), PATH, List.of("echo", "hello"), new PrintStream(output, true,
                StandardCharsets.UTF_8));

        TargetResult result = benchmark.run(E2eBenchmarkOptionsTest.options(2, Duration.ofSeconds(1), CpuSet.empty()), Progress.NONE);

        assertThat(result.probe().metric()).isEqualTo(CommandBenchmark.METRIC);
        assertThat(result.probe().unit()).isEqualTo("s");
        assertThat(result.probe().samples()).hasSize(2).allSatisfy(seconds -> assertThat(seconds).isPositive().isLessThan(10));
        assertThat(result.probe().command()).containsExactly("asios", "bench", "e2e", "--rounds=2", "--", "echo", "hello");
        assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("hello\nhello\n");
    }

    @Test
    void truePinnedToACpuRuns() throws Exception {
        CommandBenchmark benchmark = new CommandBenchmark(Sysroot.host(), PATH, List.of("true"), System.err);

        TargetResult result = benchmark.run(E2eBenchmarkOptionsTest.options(1, Duration.ofSeconds(1), CpuSet.of(0)), Progress.NONE);

        assertThat(result.probe().samples()).singleElement().satisfies(seconds -> assertThat(seconds).isPositive());
        assertThat(result.probe().method()).contains("pinned to CPUs 0");
    }

    @Test
    void falseStopsTheRunWithItsRoundAndStatus() {
        CommandBenchmark benchmark = new CommandBenchmark(Sysroot.host(), PATH, List.of("/bin/false"), System.err);

        assertThatThrownBy(() -> benchmark.run(E2eBenchmarkOptionsTest.options(3, Duration.ofSeconds(1), CpuSet.empty()), Progress.NONE))
                .isInstanceOf(BenchException.class)
                .hasMessage("-- COMMAND: '/bin/false' exited 1 in round 1 of 3; the workload must exit 0 to be timed");
    }
}
