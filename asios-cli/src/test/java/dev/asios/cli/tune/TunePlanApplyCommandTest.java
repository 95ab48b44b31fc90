package dev.asios.cli.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.cli.CliRun;
import dev.asios.cli.ExitCodes;
import dev.asios.host.inspect.ConformanceDumps;
import dev.asios.host.sysroot.SysfsTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunePlanApplyCommandTest {

    @TempDir
    Path tmp;

    @Test
    void listsTheBuiltInProfiles() {
        CliRun run = CliRun.of("tune", "profiles", "--profiles-dir", tmp.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("balanced", "inference", "multi-tenant", "training");
    }

    @Test
    void plansInferenceOnARecordedMachineWithoutTouchingIt() throws Exception {
        String root = ConformanceDumps.sysroot("16amd64-8n2c").toString();
        CliRun run = CliRun.of("tune", "plan", "-p", "inference", "--json", "--sysroot", root, "--profiles-dir", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertThat(plan.get("profile").asText()).isEqualTo("inference");
        assertThat(plan.get("changes").isArray()).isTrue();
        assertThat(plan.get("skipped").size()).as("a recorded tree lacks most sysctls").isPositive();
    }

    @Test
    void appliesTrainingToATreeAndRollsItBack() throws Exception {
        Path root = tmp.resolve("root");
        new SysfsTree(root).file("/proc/sys/vm/swappiness", "60\n").file("/proc/sys/kernel/numa_balancing", "1\n")
                .file("/sys/kernel/mm/transparent_hugepage/enabled", "always [madvise] never\n");
        String[] where = {"--sysroot", root.toString(), "--journal", tmp.resolve("j").toString()};
        CliRun apply = CliRun.of(concat(new String[] {"tune", "apply", "-p", "training", "--profiles-dir", tmp.toString()}, where));
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("memory.swappiness", "apply: 2 of 2 files done");
        assertThat(Files.readString(root.resolve("proc/sys/vm/swappiness"))).isEqualTo("1\n");
        assertThat(CliRun.of(concat(new String[] {"tune", "rollback"}, where)).exitCode()).isZero();
        assertThat(Files.readString(root.resolve("proc/sys/vm/swappiness"))).isEqualTo("60\n");
    }

    @Test
    void refusesAnUnknownOrBadProfileInOneLineBeforeTouchingAnything() throws Exception {
        CliRun unknown = CliRun.of("tune", "plan", "-p", "nosuch", "--profiles-dir", tmp.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("nosuch").hasLineCount(1);

        Files.writeString(tmp.resolve("mine.yaml"), "name: mine\ndescription: test\nmemory:\n  swappiness: high\n");
        CliRun bad = CliRun.of("tune", "plan", "-p", "mine", "--profiles-dir", tmp.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("mine.yaml:4").contains("swappiness").hasLineCount(1);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
