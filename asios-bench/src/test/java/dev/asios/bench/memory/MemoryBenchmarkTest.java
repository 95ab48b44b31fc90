package dev.asios.bench.memory;

import static dev.asios.bench.memory.MemoryPlanTest.options;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory benchmark's options, checked against a recorded two-CPU host before anything runs. */
class MemoryBenchmarkTest {

    @TempDir
    Path root;

    @Test
    void aCpuThatDoesNotExistNamesCpus() throws IOException {
        MemoryBenchmark benchmark = onTwoCpus(4L << 30);
        assertThatThrownBy(() -> benchmark.run(options(CpuSet.of(1, 5), OptionalLong.of(1L << 20)), Progress.NONE))
                .isInstanceOf(BenchException.class).hasMessage("--cpus 1,5: CPUs 5 are offline or do not exist; the online CPUs are 0-1");
    }

    @Test
    void aSizeBeyondMemAvailableNamesSize() throws IOException {
        MemoryBenchmark benchmark = onTwoCpus(100L << 20);
        assertThatThrownBy(() -> benchmark.run(options(CpuSet.empty(), OptionalLong.of(64L << 20)), Progress.NONE))
                .isInstanceOf(BenchException.class).hasMessageStartingWith("--size 67108864: the three arrays need 201326592 bytes, above 80%");
    }

    @Test
    void noRoundsNamesRounds() throws IOException {
        BenchOptions none = new BenchOptions(0, Duration.ZERO, CpuSet.empty(), OptionalLong.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty());
        assertThatThrownBy(() -> onTwoCpus(4L << 30).run(none, Progress.NONE)).isInstanceOf(BenchException.class)
                .hasMessage("--rounds must be at least 1, not 0");
    }

    @Test
    void aReferenceBinaryThatIsNotExecutableNamesReference() throws IOException {
        BenchOptions withBinary = new BenchOptions(1, Duration.ZERO, CpuSet.empty(), OptionalLong.of(1L << 20), Optional.empty(),
                OptionalInt.empty(), Optional.of(root.resolve("no-stream")));
        assertThatThrownBy(() -> onTwoCpus(4L << 30).run(withBinary, Progress.NONE)).isInstanceOf(BenchException.class)
                .hasMessage("--stream-binary " + root.resolve("no-stream") + ": not an executable file");
    }

    @Test
    void theTargetIsMemoryAndPassesAreChecked() {
        assertThat(new MemoryBenchmark().target()).isEqualTo(Target.MEMORY);
        assertThatThrownBy(() -> new MemoryBenchmark(Sysroot.host(), "", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the memory benchmark needs at least 2 passes (the first is not counted), not 1");
    }

    /** A recorded host with CPUs 0 and 1 online and {@code availableBytes} of MemAvailable. */
    private MemoryBenchmark onTwoCpus(long availableBytes) throws IOException {
        for (int cpu = 0; cpu < 2; cpu++) {
            Files.createDirectories(root.resolve("sys/devices/system/cpu/cpu" + cpu + "/topology"));
        }
        Files.writeString(root.resolve("sys/devices/system/cpu/online"), "0-1\n");
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/meminfo"), "MemTotal:       24684160 kB\nMemAvailable:   " + availableBytes / 1024 + " kB\n");
        return new MemoryBenchmark(Sysroot.of(root), "", MemoryBenchmark.DEFAULT_PASSES);
    }
}
