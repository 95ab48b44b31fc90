package dev.asios.bench.jitter;

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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options are checked before anything runs, on a recorded sysroot with CPUs 0-1 online. */
class JitterBenchmarkOptionsTest {

    @TempDir
    Path root;

    private JitterBenchmark benchmark;

    @BeforeEach
    void twoOnlineCpus() throws IOException {
        Path cpu = Files.createDirectories(root.resolve("sys/devices/system/cpu"));
        Files.writeString(cpu.resolve("online"), "0-1\n");
        benchmark = new JitterBenchmark(Sysroot.of(root), "");
    }

    @Test
    void theTargetIsJitter() {
        assertThat(benchmark.target()).isEqualTo(Target.JITTER);
    }

    @Test
    void aCpuThatIsNotOnlineIsRefusedByName() {
        assertRefused(options(1, Duration.ofSeconds(1), CpuSet.of(0, 5), OptionalInt.empty()),
                "--cpus: CPU 5 is not online; online CPUs are 0-1");
    }

    @Test
    void aDurationOutsideOneHourIsRefusedByName() {
        assertRefused(options(1, Duration.ZERO, CpuSet.empty(), OptionalInt.empty()),
                "--duration: a round lasts more than 0 s and at most 1 h, not 0s");
        assertRefused(options(1, Duration.ofMillis(-5), CpuSet.empty(), OptionalInt.empty()), "--duration:");
        assertRefused(options(1, Duration.ofHours(1).plusMillis(1), CpuSet.empty(), OptionalInt.empty()),
                "--duration: a round lasts more than 0 s and at most 1 h, not 3600001ms");
    }

    @Test
    void roundsAndPrioritiesOutsideTheirRangesAreRefusedByName() {
        assertRefused(options(0, Duration.ofSeconds(1), CpuSet.empty(), OptionalInt.empty()), "--rounds must be at least 1, not 0");
        assertRefused(options(1, Duration.ofSeconds(1), CpuSet.empty(), OptionalInt.of(100)),
                "--rt: a SCHED_FIFO priority is 1..99, not 100");
    }

    @Test
    void withoutOnlineCpusNothingRuns() throws IOException {
        Files.delete(root.resolve("sys/devices/system/cpu/online"));
        assertRefused(options(1, Duration.ofSeconds(1), CpuSet.empty(), OptionalInt.empty()),
                "cannot read the online CPUs from /sys/devices/system/cpu/online");
    }

    @Test
    void cyclictestGetsTheProbesCpuIntervalPolicyAndWholeSeconds() {
        CyclictestReference reference = new CyclictestReference(Path.of("/usr/bin/cyclictest"));
        assertThat(reference.argv(1, 1000, OptionalInt.of(95), Duration.ofSeconds(10))).containsExactly("/usr/bin/cyclictest",
                "--mlockall", "--laptop", "--priority=95", "--threads=1", "--affinity=1", "--interval=1000", "--duration=10s",
                "--histogram=10000", "--quiet");
        assertThat(reference.argv(0, 500, OptionalInt.empty(), Duration.ofMillis(1500))).contains("--policy=other", "--affinity=0",
                "--interval=500", "--duration=2s").doesNotContain("--priority=95");
    }

    private void assertRefused(BenchOptions options, String message) {
        assertThatThrownBy(() -> benchmark.run(options, Progress.NONE)).isInstanceOf(BenchException.class).hasMessageStartingWith(message);
    }

    static BenchOptions options(int rounds, Duration duration, CpuSet cpus, OptionalInt priority) {
        return new BenchOptions(rounds, duration, cpus, OptionalLong.empty(), Optional.empty(), priority, Optional.empty());
    }
}
