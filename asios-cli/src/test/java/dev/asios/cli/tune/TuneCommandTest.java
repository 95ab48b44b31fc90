package dev.asios.cli.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.cli.CliRun;
import dev.asios.cli.ExitCodes;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.plan.ValueFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest {

    @TempDir
    Path tmp;

    private Path root;
    private SysfsTree tree;
    private String[] where;

    @BeforeEach
    void applyAProfileToARecordedTree() {
        root = tmp.resolve("root");
        tree = new SysfsTree(root).file("/proc/sys/vm/swappiness", "60\n").file("/sys/kernel/mm/transparent_hugepage/enabled", "always madvise [never]\n");
        where = new String[] {"--sysroot", root.toString(), "--journal", tmp.resolve("journal").toString()};
    }

    private void apply() {
        new PlanExecutor(Sysroot.of(root), tmp.resolve("journal"), Clock.systemUTC(), ExecutionListener.NONE).apply(new Plan("inference", List.of(
                new Change("memory.swappiness", "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "60", "10", "r")), List.of()));
    }

    @Test
    void statusSaysWhenNothingIsActive() {
        CliRun run = CliRun.of(args("tune", "status"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no profile active");
    }

    @Test
    void verifyFindsDriftRepairMendsItRollbackRestores() throws Exception {
        apply();
        assertThat(CliRun.of(args("tune", "verify")).exitCode()).isZero();
        tree.file("/proc/sys/vm/swappiness", "33\n");

        CliRun verify = CliRun.of(args("tune", "verify"));
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.HOST_FAILED);
        assertThat(verify.out()).contains("DRIFTED /proc/sys/vm/swappiness = 33, applied 10");
        JsonNode json = new ObjectMapper().readTree(CliRun.of(args("tune", "status", "--json")).out());
        assertThat(json.get("profiles").get(0).asText()).isEqualTo("inference");
        assertThat(json.get("drifted").asInt()).isEqualTo(1);

        assertThat(CliRun.of(args("tune", "repair")).exitCode()).isZero();
        assertThat(Files.readString(root.resolve("proc/sys/vm/swappiness"))).isEqualTo("10\n");

        CliRun rollback = CliRun.of(args("tune", "rollback"));
        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(Files.readString(root.resolve("proc/sys/vm/swappiness"))).isEqualTo("60\n");
        assertThat(CliRun.of(args("tune", "status")).out()).contains("no profile active");
    }

    @Test
    void aDamagedJournalIsAOneLineError() throws Exception {
        Files.createDirectories(tmp.resolve("journal"));
        Files.writeString(tmp.resolve("journal/journal.jsonl"), "garbage\n{}\n");
        CliRun run = CliRun.of(args("tune", "rollback"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("journal.jsonl:1").hasLineCount(1);
    }

    private String[] args(String... command) {
        String[] all = new String[command.length + where.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(where, 0, all, command.length, where.length);
        return all;
    }

    @Test
    void applyWithBootWritesTheGrubDropInAndRollbackDeletesIt() throws Exception {
        tree.file("/proc/cmdline", "ro quiet iommu=pt\n").folder("/etc/default/grub.d");
        Path dropIn = root.resolve("etc/default/grub.d/99-asios-bootonly.cfg");

        CliRun apply = CliRun.of(args("tune", "apply", "-p", "bootonly", "--boot", "--profiles-dir", bootProfile().toString()));
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("boot plan (needs a reboot; written by --boot)", "apply: 2 of 2 files done",
                "boot loader: not run on a --sysroot tree: update-grub");
        assertThat(dropIn).content().contains("GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT skew_tick=1\"");

        CliRun rollback = CliRun.of(args("tune", "rollback"));
        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).contains("boot loader: not run on a --sysroot tree: update-grub");
        assertThat(dropIn).doesNotExist();
        assertThat(Files.readString(root.resolve("proc/sys/vm/swappiness"))).isEqualTo("60\n");
    }

    @Test
    void applyWithoutBootOnlyPrintsTheBootPlan() throws Exception {
        tree.file("/proc/cmdline", "ro quiet\n").folder("/etc/default/grub.d");
        CliRun apply = CliRun.of(args("tune", "apply", "-p", "bootonly", "--profiles-dir", bootProfile().toString()));
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("written only by 'asios tune apply --boot'", "then: update-grub && reboot").doesNotContain("boot loader:");
        assertThat(root.resolve("etc/default/grub.d/99-asios-bootonly.cfg")).doesNotExist();
    }

    @Test
    void refusesBootWithoutAGrubDropInFolderBeforeTouchingAnything() throws Exception {
        tree.file("/proc/cmdline", "ro quiet\n");
        CliRun apply = CliRun.of(args("tune", "apply", "-p", "bootonly", "--boot", "--profiles-dir", bootProfile().toString()));
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(apply.err()).hasLineCount(1).contains("no GRUB drop-in folder /etc/default/grub.d",
                "add these parameters to your boot loader by hand: iommu=pt skew_tick=1");
        assertThat(Files.readString(root.resolve("proc/sys/vm/swappiness"))).isEqualTo("60\n");
    }

    @Test
    void rollbackOfTheIrqbalanceFileNamesItsRestart() {
        tree.file("/etc/default/irqbalance", "OPTIONS=\"\"\n");
        new PlanExecutor(Sysroot.of(root), tmp.resolve("journal"), Clock.systemUTC(), ExecutionListener.NONE).apply(new Plan("inference", List.of(
                new Change("irq.irqbalanceBanIsolated", Operation.WRITE_FILE, "/etc/default/irqbalance", ValueFormat.PLAIN, "OPTIONS=\"\"\n",
                        "OPTIONS=\"\"\nIRQBALANCE_BANNED_CPULIST=1\n", "r")), List.of()));
        CliRun rollback = CliRun.of(args("tune", "rollback"));
        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).contains("irqbalance: not run on a --sysroot tree: systemctl try-restart irqbalance.service");
    }

    /** A folder with a profile that sets swappiness and asks for two boot parameters. */
    private Path bootProfile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("profiles"));
        Files.writeString(dir.resolve("bootonly.yaml"), """
                name: bootonly
                description: swappiness and two boot parameters
                memory:
                  swappiness: 10
                boot:
                  iommuPassthrough: true
                  skewTick: true
                """);
        return dir;
    }

}
