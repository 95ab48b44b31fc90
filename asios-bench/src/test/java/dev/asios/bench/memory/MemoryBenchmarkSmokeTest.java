package dev.asios.bench.memory;

import static dev.asios.bench.memory.StreamOutputParserTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Measurement;
import dev.asios.bench.Progress;
import dev.asios.bench.TargetResult;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One short round on the real host: 8 MiB arrays, 2 passes, all online CPUs. */
@Tag("slow")
class MemoryBenchmarkSmokeTest {

    private static final long EIGHT_MIB = 8L << 20;

    @TempDir
    Path dir;

    @Test
    void withoutAReferenceTheProbeRunsAlone() throws BenchException {
        TargetResult result = new MemoryBenchmark(Sysroot.host(), "", 2).run(options(Optional.empty()), Progress.NONE);
        assertThat(result.probe().metric()).isEqualTo("triad bandwidth");
        assertThat(result.probe().unit()).isEqualTo("MB/s");
        assertThat(result.probe().samples()).hasSize(1).allSatisfy(rate -> assertThat(rate).isPositive());
        assertThat(result.probe().command()).contains("--size", Long.toString(EIGHT_MIB));
        assertThat(result.reference()).isEmpty();
        assertThat(result.referenceMissing()).contains("no STREAM binary given (--stream-binary), and neither likwid-bench nor stress-ng in PATH (install the likwid or stress-ng package)");
        assertThat(result.extra()).extracting(Measurement::metric).containsExactly("copy bandwidth", "scale bandwidth", "add bandwidth");
    }

    @Test
    void aStreamBinaryIsRunPinnedAndAllItsKernelsAreKept() throws BenchException, IOException {
        Path recorded = dir.resolve("stream-output.txt");
        Files.writeString(recorded, resource("stream-2-threads.txt"));
        Path stream = dir.resolve("stream");
        Files.writeString(stream, "#!/bin/sh\necho \"$OMP_NUM_THREADS $OMP_PLACES\" > " + dir.resolve("env.txt") + "\ncat " + recorded + "\n");
        Files.setPosixFilePermissions(stream, PosixFilePermissions.fromString("rwx------"));
        TargetResult result = new MemoryBenchmark(Sysroot.host(), "/usr/bin:/bin", 2).run(options(Optional.of(stream)), Progress.NONE);
        assertThat(result.referenceMissing()).isEmpty();
        assertThat(result.reference()).get().satisfies(reference -> {
            assertThat(reference.tool()).isEqualTo("stream");
            assertThat(reference.samples()).containsExactly(24484.2);
            assertThat(reference.command()).last().isEqualTo(stream.toString());
        });
        assertThat(result.ratioToReference()).isPresent();
        assertThat(result.extra()).filteredOn(m -> m.tool().equals("stream")).extracting(Measurement::samples)
                .containsExactly(List.of(40457.0), List.of(21741.9), List.of(25073.8));
        CpuSet online = CpuSet.parseList(Files.readString(Path.of("/sys/devices/system/cpu/online")).strip());
        assertThat(Files.readString(dir.resolve("env.txt")).strip()).startsWith(online.size() + " {" + online.first() + "}");
    }

    private static BenchOptions options(Optional<Path> referenceBinary) {
        return new BenchOptions(1, Duration.ofSeconds(1), CpuSet.empty(), OptionalLong.of(EIGHT_MIB), Optional.empty(), OptionalInt.empty(),
                referenceBinary);
    }
}
