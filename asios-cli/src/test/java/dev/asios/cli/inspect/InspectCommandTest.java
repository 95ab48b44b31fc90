package dev.asios.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.agent.json.InspectJson;
import dev.asios.cli.CliRun;
import dev.asios.cli.ExitCodes;
import dev.asios.host.inspect.ConformanceDumps;
import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InspectCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> dumps() {
        return ConformanceDumps.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void printsTreeAndJsonForEveryDump(String name) throws Exception {
        String root = ConformanceDumps.sysroot(name).toString();
        CliRun text = CliRun.of("inspect", "--sysroot", root);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Host ").contains("NUMA node").contains("Findings");

        CliRun json = CliRun.of("inspect", "--sysroot", root, "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode doc = JSON.readTree(json.out());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(InspectJson.SCHEMA_VERSION);
        for (String key : new String[] {"packages", "numaNodes", "cores", "pus", "caches", "pciDevices", "findings", "warnings"}) {
            assertThat(doc.get(key)).as(key).isNotNull();
            assertThat(doc.get(key).isArray()).as(key).isTrue();
        }
        assertThat(doc.get("numaNodes").get(0).has("localMemoryBytes")).isTrue();
        assertThat(doc.get("pus").get(0).has("osIndex")).isTrue();
        assertThat(doc.get("pus").get(0).has("online")).isTrue();
    }

    @Test
    void refusesAMissingSysrootInOneLine(@TempDir Path tmp) {
        CliRun run = CliRun.of("inspect", "--sysroot", tmp.resolve("nope").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("asios: sysroot ").contains("does not exist").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void refusesAFolderThatIsNotALinuxTree(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("README"), "not a tree");
        CliRun run = CliRun.of("inspect", "--sysroot", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("is not a Linux tree").hasLineCount(1);
    }

    @Test
    void reportsAGarbledFileAsAWarningAndEverythingElse(@TempDir Path tmp) throws Exception {
        new SysfsTree(tmp)
                .file("/proc/meminfo", "MemTotal: 1024 kB\n")
                .file("/sys/devices/system/cpu/online", "0-1\n")
                .file("/sys/devices/system/cpu/cpu0/topology/core_cpus", "1\n")
                .file("/sys/devices/system/cpu/cpu0/topology/package_cpus", "3\n")
                .file("/sys/devices/system/cpu/cpu1/topology/core_cpus", "@@garbled@@\n")
                .file("/sys/devices/system/cpu/cpu1/topology/package_cpus", "3\n");
        CliRun run = CliRun.of("inspect", "--sysroot", tmp.toString(), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.get("pus")).hasSize(2);
        assertThat(doc.get("warnings").get(0).get("path").asText()).isEqualTo("/sys/devices/system/cpu/cpu1/topology/core_cpus");
        CliRun text = CliRun.of("inspect", "--sysroot", tmp.toString());
        assertThat(text.out()).contains("Warnings").contains("cpu1/topology/core_cpus");
    }

    @Test
    void rejectsUnknownOptionsWithTheUsageCode() {
        CliRun run = CliRun.of("inspect", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--frobnicate");
    }

    @Test
    @Tag("host")
    void inspectsThisHost() throws Exception {
        CliRun run = CliRun.of("inspect", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.get("pus").size()).isGreaterThanOrEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(doc.get("numaNodes").size()).isPositive();
    }
}
