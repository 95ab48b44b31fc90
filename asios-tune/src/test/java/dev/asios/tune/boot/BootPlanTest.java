package dev.asios.tune.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GRUB drop-in as a change: its content, and its apply and rollback through the executor. */
class BootPlanTest {

    private static final BootPlan PLAN = new BootPlan("inference", List.of("nohz_full=2-3", "iommu=pt", "skew_tick=1"), List.of("nohz_full=2-3", "skew_tick=1"));

    @TempDir
    Path tmp;

    @Test
    void writesTheMissingParametersAsANewDropIn() {
        Change change = PLAN.change(Optional.empty()).orElseThrow();
        assertThat(change.operation()).isEqualTo(Operation.WRITE_FILE);
        assertThat(change.tunable()).isEqualTo("boot");
        assertThat(change.path()).isEqualTo("/etc/default/grub.d/99-asios-inference.cfg");
        assertThat(change.current()).isEqualTo(Operation.ABSENT);
        assertThat(change.desired()).isEqualTo(PLAN.grubFileContent()).isEqualTo("""
                # Boot parameters of the asios tune profile inference.
                # Takes effect after update-grub and a reboot; to undo, delete this file, run update-grub and reboot.
                GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT nohz_full=2-3 skew_tick=1"
                """);
    }

    @Test
    void keepsWhatItsDropInAlreadyAddsAfterAReboot() {
        String before = new BootPlan("inference", PLAN.parameters(), List.of("nohz_full=2-3", "iommu=pt")).grubFileContent();
        BootPlan rebooted = new BootPlan("inference", PLAN.parameters(), List.of("skew_tick=1"));
        assertThat(rebooted.change(Optional.of(before)).orElseThrow().desired())
                .contains("$GRUB_CMDLINE_LINUX_DEFAULT nohz_full=2-3 iommu=pt skew_tick=1\"");

        BootPlan satisfied = new BootPlan("inference", PLAN.parameters(), List.of());
        assertThat(satisfied.change(Optional.of(PLAN.grubFileContent()))).hasValueSatisfying(c -> assertThat(c.alreadyDone()).isTrue());
        assertThat(satisfied.change(Optional.empty())).isEmpty();
    }

    @Test
    void rollbackDeletesTheDropInItWrote() throws Exception {
        Path root = tmp.resolve("root");
        new SysfsTree(root).folder("/proc").folder(BootPlan.GRUB_DIR).file("/etc/default/grub.d/init-select.cfg", "# other\n");
        Sysroot sysroot = Sysroot.of(root);
        Plan plan = new Plan("inference", List.of(PLAN.change(sysroot.read(PLAN.grubFile())).orElseThrow()), List.of());
        Path journal = tmp.resolve("journal");

        assertThat(new PlanExecutor(sysroot, journal, Clock.systemUTC(), ExecutionListener.NONE).apply(plan)).allMatch(Outcome::ok);
        assertThat(Files.readString(root.resolve("etc/default/grub.d/99-asios-inference.cfg"))).isEqualTo(PLAN.grubFileContent());

        assertThat(new Rollback(sysroot, journal, Clock.systemUTC(), ExecutionListener.NONE).run()).allMatch(Outcome::ok);
        assertThat(root.resolve("etc/default/grub.d/99-asios-inference.cfg")).doesNotExist();
        assertThat(root.resolve("etc/default/grub.d/init-select.cfg")).hasContent("# other");
    }
}
