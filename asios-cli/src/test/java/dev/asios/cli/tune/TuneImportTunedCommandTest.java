package dev.asios.cli.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.cli.CliRun;
import dev.asios.cli.ExitCodes;
import dev.asios.tune.profile.Profile;
import dev.asios.tune.profile.ProfileLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code asios tune import-tuned} on profiles modelled on tuned's own, kept side by side as in /usr/lib/tuned. */
class TuneImportTunedCommandTest {

    @TempDir
    Path tmp;

    private Path tuned;
    private Path profiles;

    @BeforeEach
    void copyTheTunedProfiles() throws IOException, URISyntaxException {
        Path fixtures = Path.of(TuneImportTunedCommandTest.class.getResource("tuned").toURI());
        tuned = tmp.resolve("tuned");
        try (Stream<Path> files = Files.walk(fixtures)) {
            for (Path file : files.toList()) {
                Path copy = tuned.resolve(fixtures.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        profiles = Files.createDirectories(tmp.resolve("profiles"));
    }

    private CliRun importTuned(String profile, String... options) {
        String[] args = Stream.concat(Stream.of("tune", "import-tuned", tuned.resolve(profile).toString()), Stream.of(options)).toArray(String[]::new);
        return CliRun.of(args);
    }

    private Profile load(String name) {
        return new ProfileLoader(profiles).load(name);
    }

    @Test
    void printsTheProfileAndWarnsOfWhatIsNotImported() throws IOException {
        CliRun run = importTuned("latency-performance");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# Imported from the tuned profile latency-performance").contains("name: \"latency-performance\"\n");
        assertThat(run.err()).contains("not imported: [cpu] energy_perf_bias = performance (latency-performance:11): ")
                .contains("not imported: [acpi] platform_profile = performance (latency-performance:15): tuned's acpi plugin has no ASIOS equivalent");
        Files.writeString(profiles.resolve("latency-performance.yaml"), run.out());
        Profile profile = load("latency-performance");
        assertThat(profile.description()).startsWith("Optimize for deterministic performance at the cost of increased power consumption");
        assertThat(profile.cpu().governor()).contains("performance");
        assertThat(profile.cpu().maxCstateLatencyUs()).contains(3);
        assertThat(profile.memory().dirtyRatio()).contains(10);
        assertThat(profile.memory().dirtyBackgroundRatio()).contains(3);
        assertThat(profile.memory().swappiness()).contains(10);
    }

    @Test
    void jsonListsWhatWasImportedAndWhatWasNot() throws IOException {
        CliRun run = importTuned("throughput-performance", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("name").asText()).isEqualTo("throughput-performance");
        assertThat(json.get("yaml").asText()).contains("readAheadKib: 4096");
        assertThat(json.get("imported").findValuesAsText("asios"))
                .containsExactly("cpu.governor", "memory.swappiness", "memory.dirtyRatio", "memory.dirtyBackgroundRatio", "io.readAheadKib");
        JsonNode readAhead = json.get("imported").get(4);
        assertThat(readAhead.get("setting").asText()).isEqualTo("[disk] readahead = >4096");
        assertThat(readAhead.get("source").asText()).isEqualTo("throughput-performance:29");
        assertThat(readAhead.get("note").asText()).isEqualTo("tuned only raises the read-ahead to this; ASIOS sets it");
        assertThat(json.get("notImported").findValuesAsText("setting")).contains("[vm.thunderx] transparent_hugepages = never",
                "[sysctl.amd] kernel.sched_migration_cost_ns = 5000000", "[scheduler] sched_min_granularity_ns = 10000000");
        assertThat(json.get("notImported").findValuesAsText("reason")).contains(
                "tuned applies [vm.thunderx] only where uname matches aarch64 and /proc/cpuinfo matches "
                        + "CPU part\\s+:\\s+(0x0?516)|(0x0?af)|(0x0?a[0-3])|(0x0?b8)\\b; an ASIOS profile has no conditions");
    }

    @Test
    void cpuPartitioningMergesTheProfilesItIncludesAndWritesTheFile() throws IOException {
        CliRun run = importTuned("cpu-partitioning", "--output", profiles.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path file = profiles.resolve("cpu-partitioning.yaml");
        assertThat(run.out()).startsWith("wrote " + file + ": ").contains("asios tune plan -p cpu-partitioning --profiles-dir " + profiles);
        assertThat(Files.readString(file)).contains("# Merged as tuned merges them, each later profile winning: latency-performance, network-latency, cpu-partitioning.");
        Profile profile = load("cpu-partitioning");
        assertThat(profile.cpu().governor()).contains("performance");
        assertThat(profile.memory().thp()).hasValueSatisfying(thp -> assertThat(thp.kernelName()).isEqualTo("never"));
        assertThat(profile.network().busyPollUs()).contains(50);
        assertThat(profile.noise().nmiWatchdog()).contains(false);
        assertThat(profile.noise().timerMigration()).contains(false);
        assertThat(profile.noise().statIntervalSeconds()).contains(10);
        assertThat(profile.boot().skewTick()).contains(true);
        assertThat(profile.boot().nohzFull()).contains(true);
        assertThat(profile.irq().irqbalanceBanIsolated()).contains(true);
        assertThat(profile.cpu().isolate()).isEmpty();
        assertThat(run.err()).contains("not imported: [scheduler] isolated_cores = ${isolated_cores} (cpu-partitioning:46): uses the variable "
                + "${isolated_cores}, which is not defined; set cpu.isolate by hand: a CPU list such as 2-7, or auto")
                .contains("not imported: [script] script = ${i:PROFILE_DIR}/script.sh (cpu-partitioning:43): runs a shell script");
    }

    @Test
    void aProfileThatSetsIsolatedCoresIsolatesThem() {
        CliRun run = importTuned("my-partitioning", "--output", profiles.resolve("site.yaml").toString(), "--name", "site");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Profile profile = load("site");
        assertThat(profile.description()).isEqualTo("CPU partitioning for the inference hosts (imported from tuned my-partitioning)");
        assertThat(profile.cpu().isolate()).contains("2-7");
        assertThat(profile.irq().irqbalanceBanIsolated()).contains(true);
        assertThat(profile.boot().nohzFull()).contains(true);
        assertThat(profile.boot().rcuNocbs()).contains(true);
        assertThat(profile.boot().iommuPassthrough()).contains(true);
        assertThat(profile.boot().hugepages1g()).contains(16);
    }

    @Test
    void refusesToReplaceAFileWithoutForce() throws IOException {
        Path file = profiles.resolve("latency-performance.yaml");
        Files.writeString(file, "mine\n");

        CliRun refused = importTuned("latency-performance", "--output", file.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).isEqualTo("asios: " + file + " exists; add --force to replace it\n");
        assertThat(Files.readString(file)).isEqualTo("mine\n");

        assertThat(importTuned("latency-performance", "--output", file.toString(), "--force").exitCode()).isZero();
        assertThat(load("latency-performance").cpu().governor()).contains("performance");

        CliRun misnamed = importTuned("latency-performance", "--output", profiles.resolve("other.yaml").toString());
        assertThat(misnamed.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(misnamed.err()).contains("only from a file named latency-performance.yaml");
    }

    @Test
    void badInputIsAOneLineError() throws IOException {
        CliRun missing = importTuned("no-such-profile");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("no-such-profile: no such folder").hasLineCount(1);

        Files.createDirectories(tuned.resolve("empty"));
        CliRun empty = importTuned("empty");
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(empty.err()).contains("empty: no tuned.conf in it").hasLineCount(1);

        Files.createDirectories(tuned.resolve("broken"));
        Files.writeString(tuned.resolve("broken/tuned.conf"), "[main]\nsummary=x\n[cpu\n");
        CliRun broken = importTuned("broken");
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(broken.err()).isEqualTo("asios: " + tuned.resolve("broken/tuned.conf") + ":3: a section header must look like [name], found '[cpu'\n");

        CliRun badName = importTuned("latency-performance", "--name", "Low_Latency");
        assertThat(badName.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badName.err()).contains("--name 'Low_Latency' is not a profile name").hasLineCount(1);
    }

    @Test
    void anIncludeThatIsNotNextToTheProfileIsAWarning() throws IOException {
        Files.createDirectories(tuned.resolve("Site_Profile"));
        Files.writeString(tuned.resolve("Site_Profile/tuned.conf"), "[main]\ninclude=latency-performance,vendor-tuning\n[sysctl]\nvm.swappiness=1\n");

        CliRun run = importTuned("Site_Profile");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("name: \"site-profile\"").contains("swappiness: 1\n").contains("governor: \"performance\"");
        assertThat(run.err()).contains("not imported: [main] include = vendor-tuning (Site_Profile:2): no tuned profile 'vendor-tuning' next to the imported one");
    }
}
