package dev.asios.bench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.bench.Measurement;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One round on a 32 MiB file in a temporary folder, with and without fio; the test file is gone afterwards and nothing else is touched. */
@Tag("slow")
class StorageBenchmarkSlowTest {

    private static final long SIZE = 32L << 20;

    @TempDir
    Path dir;

    @Test
    void oneRoundMeasuresEveryNumberAndDeletesTheFile() throws Exception {
        Path bystander = Files.writeString(dir.resolve("keep.txt"), "untouched");
        TargetResult result = new StorageBenchmark().run(StorageOptionsTest.options(1, OptionalLong.of(SIZE), Optional.of(dir)), (w, d, t) -> { });
        assertThat(result.target()).isEqualTo(Target.STORAGE);
        assertOneRound(result.probe(), "asios", "sequential read");
        assertThat(result.probe().method()).contains("32 MiB file", "4 threads", "O_DIRECT", "aligned to");
        assertThat(result.extra()).extracting(m -> m.tool() + " " + m.metric()).startsWith("asios sequential write", "asios model load");
        result.extra().forEach(m -> assertOneRound(m, m.tool(), m.metric()));
        if (result.reference().isPresent()) {
            assertOneRound(result.reference().get(), "fio", "sequential read");
            assertThat(result.reference().get().command()).contains("--size=" + SIZE / 4);
            assertThat(result.extra()).extracting(Measurement::tool).contains("fio");
            assertThat(result.ratioToReference()).isPresent();
        } else {
            assertThat(result.referenceMissing()).hasValueSatisfying(why -> assertThat(why).contains("fio"));
        }
        assertThat(files()).containsExactly(bystander);
        assertThat(Files.readString(bystander)).isEqualTo("untouched");
    }

    @Test
    void withoutFioTheProbeRunsAlone() throws Exception {
        TargetResult result = new StorageBenchmark("").run(StorageOptionsTest.options(1, OptionalLong.of(4L << 20), Optional.of(dir)), (w, d, t) -> { });
        assertOneRound(result.probe(), "asios", "sequential read");
        assertThat(result.reference()).isEmpty();
        assertThat(result.referenceMissing()).hasValue("fio is not installed (no fio in PATH); install the fio package");
        assertThat(result.extra()).extracting(Measurement::tool).containsOnly("asios");
        assertThat(files()).isEmpty();
    }

    @Test
    void theFileIsDeletedWhenAPassFails() throws Exception {
        StorageSettings settings = new StorageSettings(dir, 4L << 20, 4, 1 << 20);
        Path path;
        try (TestFile file = TestFile.create(settings)) {
            path = file.path();
            assertThat(path.getParent()).isEqualTo(dir);
            assertThatThrownBy(() -> new SequentialIoProbe(settings).readGBps(file)).hasMessageContaining("the file ends at ");
        }
        assertThat(path).doesNotExist();
    }

    private static void assertOneRound(Measurement measurement, String tool, String metric) {
        assertThat(measurement.tool()).isEqualTo(tool);
        assertThat(measurement.metric()).isEqualTo(metric);
        assertThat(measurement.unit()).isEqualTo("GB/s");
        assertThat(measurement.samples()).hasSize(1).allSatisfy(gbps -> assertThat(gbps).isPositive().isLessThan(1000));
        assertThat(measurement.command()).isNotEmpty();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
