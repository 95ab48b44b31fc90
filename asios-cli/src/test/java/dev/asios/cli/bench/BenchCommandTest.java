package dev.asios.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
        assertThat(run.err()).isEqualTo("asios: target 'disk': expected jitter, memory, storage, network, e2e or all\n");
    }

    @Test
    void badE2eOptionsAreNamedBeforeAnythingRuns() {
        assertThat(CliRun.of("bench", "e2e", "--load", "1.5").err()).contains("--load: the open loop's rate is a fraction", "not 1.5");
        assertThat(CliRun.of("bench", "jitter", "--load", "0").err()).contains("--load:");
        assertThat(CliRun.of("bench", "e2e", "--sla", "0ms").err()).contains("--sla '0ms': expected a positive duration");
        assertThat(CliRun.of("bench", "e2e", "--neighbours", "cats").err()).contains("--neighbours 'cats': expected stress-ng or none");
        assertThat(CliRun.of("bench", "e2e", "--cpus", "4000", "--rounds", "1").err()).contains("--cpus: CPUs 4000 are not online");
    }

    @Test
    void aWorkloadCommandGoesWithE2eAlone() {
        CliRun run = CliRun.of("bench", "jitter", "--", "true");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("-- COMMAND: a workload command is timed by the e2e target alone");
        assertThat(CliRun.of("bench", "e2e", "network", "--", "true").err()).contains("by the e2e target alone");
        assertThat(CliRun.of("bench", "e2e", "--").err()).contains("--: expected the workload command after it");
        assertThat(CliRun.of("bench", "e2e", "--", "no-such-workload-asios").err())
                .contains("-- COMMAND: 'no-such-workload-asios' is not an executable file in PATH");
    }

    @Test
    @Tag("slow")
    void aWorkloadsOutputStaysOutOfTheJson() throws Exception {
        CliRun run = CliRun.of("bench", "e2e", "--rounds", "2", "--json", "--", "echo", "workload-says-hello");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("workload-says-hello\n");
        JsonNode result = new ObjectMapper().readTree(run.out()).path("results").path(0);
        assertThat(result.path("target").asText()).isEqualTo("e2e");
        assertThat(result.path("probe").path("samples")).hasSize(2);
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
