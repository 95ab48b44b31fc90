package dev.asios.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Progress;
import dev.asios.bench.Target;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options are checked before anything runs, on a recorded sysroot with CPUs 0-1 online. */
class E2eBenchmarkOptionsTest {

    private static final E2eSettings DEFAULTS = new E2eSettings(Duration.ofMillis(10), 0.7, Neighbours.STRESS_NG);

    @TempDir
    Path root;

    @BeforeEach
    void twoOnlineCpus() throws IOException {
        Path cpu = Files.createDirectories(root.resolve("sys/devices/system/cpu"));
        Files.writeString(cpu.resolve("online"), "0-1\n");
    }

    @Test
    void roundsDurationAndCpusAreNamed() {
        assertRefused(DEFAULTS, options(0, Duration.ofSeconds(2), CpuSet.empty()), "--rounds must be at least 1, not 0");
        assertRefused(DEFAULTS, options(1, Duration.ofMillis(500), CpuSet.empty()),
                "--duration: an e2e round lasts from 1 s to 1 h in whole milliseconds (half closed loop, half open loop), not 500000000 ns");
        assertRefused(DEFAULTS, options(1, Duration.ofHours(2), CpuSet.empty()), "--duration:");
        assertRefused(DEFAULTS, options(1, Duration.ofSeconds(2), CpuSet.of(1, 4, 5)), "--cpus: CPUs 4-5 are not online; online CPUs are 0-1");
    }

    @Test
    void slaAndLoadAreNamed() {
        BenchOptions options = options(1, Duration.ofSeconds(2), CpuSet.empty());
        assertRefused(new E2eSettings(Duration.ZERO, 0.7, Neighbours.NONE), options,
                "--sla: the latency objective is whole milliseconds, more than 0 and at most 1 h, not 0 ns");
        assertRefused(new E2eSettings(Duration.ofMillis(-3), 0.7, Neighbours.NONE), options, "--sla:");
        assertRefused(new E2eSettings(Duration.ofNanos(1_500_000), 0.7, Neighbours.NONE), options, "--sla:");
        assertRefused(new E2eSettings(Duration.ofMillis(10), 0, Neighbours.NONE), options,
                "--load: the open loop's rate is a fraction of the measured throughput above 0 and at most 1, not 0.0");
        assertRefused(new E2eSettings(Duration.ofMillis(10), 1.5, Neighbours.NONE), options, "--load:");
        assertRefused(new E2eSettings(Duration.ofMillis(10), Double.NaN, Neighbours.NONE), options, "--load:");
    }

    @Test
    void withoutOnlineCpusNothingRuns() throws IOException {
        Files.delete(root.resolve("sys/devices/system/cpu/online"));
        assertRefused(DEFAULTS, options(1, Duration.ofSeconds(2), CpuSet.empty()), "cannot read the online CPUs from /sys/devices/system/cpu/online");
    }

    @Test
    void aWorkloadCommandThatIsNotFoundIsNamed() {
        CommandBenchmark benchmark = new CommandBenchmark(Sysroot.of(root), root.toString(), List.of("no-such-workload", "--fast"), System.err);

        assertThat(benchmark.target()).isEqualTo(Target.E2E);
        assertThatThrownBy(() -> benchmark.run(options(1, Duration.ofSeconds(1), CpuSet.empty()), Progress.NONE)).isInstanceOf(BenchException.class)
                .hasMessage("-- COMMAND: 'no-such-workload' is not an executable file in PATH; give a program in PATH or its path");
        assertThatThrownBy(() -> benchmark.run(options(0, Duration.ofSeconds(1), CpuSet.empty()), Progress.NONE)).hasMessage("--rounds must be at least 1, not 0");
    }

    private void assertRefused(E2eSettings settings, BenchOptions options, String message) {
        E2eBenchmark benchmark = new E2eBenchmark(Sysroot.of(root), "", settings);
        assertThatThrownBy(() -> benchmark.run(options, Progress.NONE)).isInstanceOf(BenchException.class).hasMessageStartingWith(message);
    }

    static BenchOptions options(int rounds, Duration duration, CpuSet cpus) {
        return new BenchOptions(rounds, duration, cpus, OptionalLong.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty());
    }
}
