package dev.asios.bench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Progress;
import dev.asios.host.parse.CpuSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad storage options fail before any I/O, with a {@link BenchException} that names the option; no file is left behind. */
class StorageOptionsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreAGibibyteInVarTmp() throws BenchException {
        StorageSettings settings = StorageSettings.from(options(1, OptionalLong.empty(), Optional.empty()));
        assertThat(settings).isEqualTo(new StorageSettings(Path.of("/var/tmp"), 1L << 30, 4, 1 << 20));
        assertThat(settings.regionBytes()).isEqualTo(256L << 20);
    }

    @Test
    void aSizeThatIsNotWholeBlocksPerThreadNamesSize() {
        for (long size : new long[] {0, -1, (4L << 20) - 1, (5L << 20), (1L << 40) + (4L << 20)}) {
            assertThatThrownBy(() -> StorageSettings.from(options(1, OptionalLong.of(size), Optional.of(dir))))
                    .isInstanceOf(BenchException.class).hasMessageStartingWith("--size must be a multiple of 4 MiB").hasMessageEndingWith(" " + size);
        }
    }

    @Test
    void aSizeBeyondHalfTheFreeSpaceNamesSizeAndDir() throws IOException {
        long tooBig = Math.min(StorageSettings.MAX_SIZE_BYTES, Files.getFileStore(dir).getUsableSpace() / 2 + (8L << 20)) / (4L << 20) * (4L << 20);
        assertThatThrownBy(() -> run(options(1, OptionalLong.of(tooBig), Optional.of(dir)))).isInstanceOf(BenchException.class)
                .hasMessageStartingWith("--size " + tooBig + " needs twice as many bytes free in --dir " + dir);
        assertThat(entries()).isZero();
    }

    @Test
    void aMissingDirectoryNamesDir() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> run(options(1, OptionalLong.of(4L << 20), Optional.of(missing)))).isInstanceOf(BenchException.class)
                .hasMessage("--dir " + missing + " does not exist");
    }

    @Test
    void aFileIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> run(options(1, OptionalLong.of(4L << 20), Optional.of(file)))).isInstanceOf(BenchException.class)
                .hasMessage("--dir " + file + " is not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void procHasNoStorage() {
        assertThatThrownBy(() -> run(options(1, OptionalLong.of(4L << 20), Optional.of(Path.of("/proc"))))).isInstanceOf(BenchException.class)
                .hasMessageStartingWith("--dir /proc is on a");
    }

    @Test
    void noRoundsNamesRounds() {
        assertThatThrownBy(() -> run(options(0, OptionalLong.empty(), Optional.of(dir)))).isInstanceOf(BenchException.class)
                .hasMessage("--rounds must be at least 1, not 0");
    }

    @Test
    void settingsRefuseWhatNoOptionCanGive() {
        assertThatThrownBy(() -> new StorageSettings(dir, 4L << 20, 0, 1 << 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StorageSettings(dir, 4L << 20, 1, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StorageSettings(dir, 3L << 20, 2, 1 << 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fioGetsTheProbesFileRegionsAndDepth() {
        FioReference fio = new FioReference(Path.of("/usr/bin/fio"), new StorageSettings(dir, 32L << 20, 4, 1 << 20));
        Path file = dir.resolve("f.bench");
        assertThat(fio.command(file, false)).containsExactly("/usr/bin/fio", "--name=seqread", "--filename=" + file, "--rw=read",
                "--bs=1048576", "--direct=1", "--ioengine=libaio", "--iodepth=1", "--numjobs=4", "--size=8388608",
                "--offset_increment=8388608", "--allow_file_create=0", "--group_reporting", "--output-format=json");
        assertThat(fio.command(file, true)).contains("--name=seqwrite", "--rw=write", "--end_fsync=1");
        assertThat(FioReference.find("", new StorageSettings(dir, 4L << 20, 4, 1 << 20))).isEmpty();
    }

    static BenchOptions options(int rounds, OptionalLong size, Optional<Path> directory) {
        return new BenchOptions(rounds, Duration.ofSeconds(1), CpuSet.empty(), size, directory, OptionalInt.empty(), Optional.empty());
    }

    private static void run(BenchOptions options) throws BenchException {
        new StorageBenchmark("").run(options, Progress.NONE);
    }

    private long entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
