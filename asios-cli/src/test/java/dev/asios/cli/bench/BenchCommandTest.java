package dev.asios.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.cli.CliRun;
import dev.asios.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code asios bench} refuses bad options with one line naming the option, before measuring anything. */
class BenchCommandTest {

    @TempDir
    Path temp;

    @Test
    void anUnknownTargetIsNamed() {
        CliRun run = CliRun.of("bench", "disk");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("asios: target 'disk': expected jitter, memory, storage, network or all\n");
    }

    @Test
    void theTargetNotBuiltYetIsSaid() {
        assertThat(CliRun.of("bench", "e2e").err()).contains("target 'e2e'");
    }

    @Test
    void badOptionsAreNamedBeforeAnythingRuns() {
        assertThat(CliRun.of("bench", "jitter", "--rounds", "0").err()).contains("--rounds 0: expected 1 to 1000");
        assertThat(CliRun.of("bench", "jitter", "--duration", "-5s").err()).contains("--duration '-5s'");
        assertThat(CliRun.of("bench", "jitter", "--path", "wifi").err()).contains("--path 'wifi': expected loopback or veth");
        assertThat(CliRun.of("bench", "network", "--streams", "0").err()).contains("--streams 0");
        assertThat(CliRun.of("bench", "memory", "--size", "lots").err()).contains("--size 'lots'");
        assertThat(CliRun.of("bench", "jitter", "--cpus", "x").err()).contains("--cpus 'x'");
        assertThat(CliRun.of("bench", "jitter", "--rt", "99").err()).contains("--rt 99");
    }

    @Test
    void aCpuThatDoesNotExistIsRefusedByTheBenchmark() {
        CliRun run = CliRun.of("bench", "jitter", "--cpus", "4000", "--rounds", "1", "--duration", "1s");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--cpus").contains("4000");
    }

    @Test
    void storageRefusesADirectoryWithoutStorage() {
        CliRun run = CliRun.of("bench", "storage", "--dir", "/proc", "--rounds", "1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--dir");
    }

    @Test
    void aReportFolderThatCannotBeMadeIsRefusedBeforeAnythingIsMeasured() throws Exception {
        Path underAFile = Files.writeString(temp.resolve("file"), "in the way").resolve("report");

        CliRun run = CliRun.of("bench", "jitter", "--rounds", "1", "--duration", "1s", "--report", underAFile.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("asios: --report " + underAFile + ": cannot write there (").doesNotContain("asios bench: [");
    }

    @Test
    void aRunThatFailsStillWritesItsReportAndSaysWhy() throws Exception {
        Path dir = temp.resolve("report");

        CliRun run = CliRun.of("bench", "jitter", "--cpus", "4000", "--rounds", "1", "--duration", "1s", "--report", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("report: " + dir.resolve("index.html"), "4000");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("The run stopped early:", "4000", "Nothing was measured.");
        assertThat(new ObjectMapper().readTree(dir.resolve("results.json").toFile()).has("host")).isTrue();
    }

    @Test
    @Tag("slow")
    void theReportHoldsWhatFinishedBeforeALaterTargetFailed() throws Exception {
        Path dir = temp.resolve("report");

        CliRun run = CliRun.of("bench", "jitter", "storage", "--dir", "/proc", "--rounds", "1", "--duration", "1s", "--report", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(new ObjectMapper().readTree(dir.resolve("results.json").toFile()).path("results").get(0).path("target").asText()).isEqualTo("jitter");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("<section id=\"jitter\">", "The run stopped early:", "--dir");
    }

    @Test
    @Tag("slow")
    void theReportsJsonIsWhatJsonPrints() throws Exception {
        Path dir = temp.resolve("report");

        CliRun run = CliRun.of("bench", "jitter", "--rounds", "1", "--duration", "1s", "--json", "--report", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).endsWith("report: " + dir.resolve("index.html") + "\n");
        assertThat(Files.readString(dir.resolve("results.json"))).isEqualTo(run.out());
        assertThat(Files.readString(dir.resolve("index.html"))).contains("<section id=\"jitter\">", "Histogram of wake-up latency");
    }
}
