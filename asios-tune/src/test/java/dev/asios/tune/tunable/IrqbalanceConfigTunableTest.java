package dev.asios.tune.tunable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.Plan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** irqbalance's environment file on a four-CPU host that isolates CPUs 2 and 3. */
class IrqbalanceConfigTunableTest {

    private static final String DEBIAN_DEFAULT = """
            # irqbalance is a daemon process that distributes interrupts across
            #IRQBALANCE_ONESHOT=
            #IRQBALANCE_BANNED_CPULIST=0
            OPTIONS=""
            """;

    @TempDir
    Path tmp;

    @Test
    void replacesAnExistingAssignmentAndKeepsEveryOtherLine() {
        assertThat(IrqbalanceConfigTunable.withBannedCpuList("A=1\n  IRQBALANCE_BANNED_CPULIST=\"0\"\r\nB=2\n", "2-3"))
                .isEqualTo("A=1\nIRQBALANCE_BANNED_CPULIST=2-3\r\nB=2\n");
        assertThat(IrqbalanceConfigTunable.withBannedCpuList("IRQBALANCE_BANNED_CPULIST=1\nIRQBALANCE_BANNED_CPULIST=4", "2-3"))
                .as("every assignment, without adding a newline").isEqualTo("IRQBALANCE_BANNED_CPULIST=2-3\nIRQBALANCE_BANNED_CPULIST=2-3");
    }

    @Test
    void appendsWhenTheVariableIsOnlyCommentedOutOrMissing() {
        assertThat(IrqbalanceConfigTunable.withBannedCpuList(DEBIAN_DEFAULT, "2-3"))
                .isEqualTo(DEBIAN_DEFAULT + "# set by asios tune\nIRQBALANCE_BANNED_CPULIST=2-3\n");
        assertThat(IrqbalanceConfigTunable.withBannedCpuList("OPTIONS=\"\"\nIRQBALANCE_BANNED_CPUS=c\n", "2-3"))
                .isEqualTo("OPTIONS=\"\"\nIRQBALANCE_BANNED_CPUS=c\n# set by asios tune\nIRQBALANCE_BANNED_CPULIST=2-3\n");
        assertThat(IrqbalanceConfigTunable.withBannedCpuList("", "2-3")).isEqualTo("# set by asios tune\nIRQBALANCE_BANNED_CPULIST=2-3\n");
    }

    @Test
    void endsTheLastLineBeforeAppendingToAFileWithoutATrailingNewline() {
        assertThat(IrqbalanceConfigTunable.withBannedCpuList("OPTIONS=\"\"", "2-3"))
                .isEqualTo("OPTIONS=\"\"\n# set by asios tune\nIRQBALANCE_BANNED_CPULIST=2-3\n");
    }

    @Test
    void isIdempotent() {
        String once = IrqbalanceConfigTunable.withBannedCpuList(DEBIAN_DEFAULT, "2-3");
        assertThat(IrqbalanceConfigTunable.withBannedCpuList(once, "2-3")).isEqualTo(once);
    }

    @Test
    void editsTheDebianOrTheRedHatFile() throws IOException {
        Plan debian = plan(host("root").file("/etc/default/irqbalance", DEBIAN_DEFAULT), true, "2-3");
        assertThat(debian.changes()).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo(Operation.WRITE_FILE);
            assertThat(c.path()).isEqualTo("/etc/default/irqbalance");
            assertThat(c.current()).isEqualTo(DEBIAN_DEFAULT);
            assertThat(c.desired()).endsWith("\nIRQBALANCE_BANNED_CPULIST=2-3\n");
        });
        Plan redHat = plan(host("red-hat").file("/etc/sysconfig/irqbalance", "IRQBALANCE_ARGS=\n"), true, "2-3");
        assertThat(redHat.changes()).extracting(Change::path).containsExactly("/etc/sysconfig/irqbalance");
    }

    @Test
    void skipsWhenIrqbalanceIsNotInstalled() throws IOException {
        Plan plan = plan(host("root").folder("/etc/default").file("/proc/1/comm", "systemd\n"), true, "2-3");
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.skipped()).extracting(Plan.Skipped::reason).containsExactly(
                "irqbalance is not installed (no /etc/default/irqbalance or /etc/sysconfig/irqbalance): nothing to tell it");
    }

    @Test
    void createsTheDebianFileWhenIrqbalanceRunsWithoutOne() throws IOException {
        SysfsTree running = host("root").file("/proc/812/comm", "irqbalance\n");
        assertThat(plan(running, true, "2-3").skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("no /etc/default"));

        Plan plan = plan(running.folder("/etc/default"), true, "2-3");
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("/etc/default/irqbalance");
            assertThat(c.current()).isEqualTo(Operation.ABSENT);
            assertThat(c.desired()).isEqualTo("# set by asios tune\nIRQBALANCE_BANNED_CPULIST=2-3\n");
        });
    }

    @Test
    void plansNothingWhenTheProfileLeavesItOffOrIsolatesNoCpu() throws IOException {
        SysfsTree tree = host("root").file("/etc/default/irqbalance", DEBIAN_DEFAULT);
        assertThat(plan(tree, false, "2-3")).isEqualTo(new Plan("irqbalance", List.of(), List.of()));
        assertThat(plan(tree, true, "none")).isEqualTo(new Plan("irqbalance", List.of(), List.of()));
    }

    private SysfsTree host(String name) {
        return FourCpuHost.tree(tmp.resolve(name)).folder("/proc");
    }

    private Plan plan(SysfsTree tree, boolean ban, String isolate) throws IOException {
        return FourCpuHost.plan(new IrqbalanceConfigTunable(), tree.sysroot(), tmp.resolve("profiles"), "irqbalance", """
                name: irqbalance
                description: irqbalance only
                cpu:
                  isolate: "%s"
                irq:
                  irqbalanceBanIsolated: %s
                """.formatted(isolate, ban));
    }
}
