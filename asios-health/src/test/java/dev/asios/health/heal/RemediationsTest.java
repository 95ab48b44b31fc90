package dev.asios.health.heal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.health.rules.ForeignTasks;
import dev.asios.health.rules.TaskScanner;
import dev.asios.health.rules.TaskTrees;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.pci.PciAddress;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.HostResources;
import dev.asios.run.place.UnhealthyGpus;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.apply.TuneStatus;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.plan.ValueFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each remediation on a temporary host: what it says it would do, what it does, and that rollback undoes it. */
class RemediationsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T13:00:00Z"), ZoneOffset.UTC);
    private static final CpuSet ISOLATED = CpuSet.parseList("2-3");
    private static final CpuSet HOUSEKEEPING = CpuSet.parseList("0-1");

    @TempDir
    Path root;

    @TempDir
    Path journal;

    @Test
    void anIrqAllowedOnIsolatedCpusKeepsOnlyTheOthersAndRollbackRestoresIt() {
        Sysroot host = new SysfsTree(root).file("/proc/irq/24/smp_affinity_list", "1-3\n").file("/proc/irq/25/smp_affinity_list", "3\n")
                .file("/proc/irq/26/smp_affinity_list", "0\n").sysroot();
        Remediations remediations = new Remediations(host, journal, Path.of("/var/lib/asios"), CLOCK);

        Remediation irq24 = remediations.moveIrqOffIsolated(24, ISOLATED, HOUSEKEEPING).orElseThrow();
        assertThat(irq24.kind()).isEqualTo(dev.asios.health.policy.RemediationKind.MOVE_IRQ_OFF_ISOLATED_CPU);
        assertThat(irq24.subject()).isEqualTo("irq/24");
        assertThat(irq24.describe()).isEqualTo("/proc/irq/24/smp_affinity_list: 1-3 -> 1 (IRQ 24 may run on isolated CPUs 2-3)");
        RemediationResult result = irq24.apply();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.before()).isEqualTo("/proc/irq/24/smp_affinity_list: 1-3");
        assertThat(host.readTrimmed("/proc/irq/24/smp_affinity_list")).hasValue("1");

        remediations.moveIrqOffIsolated(25, ISOLATED, HOUSEKEEPING).orElseThrow().apply();
        assertThat(host.readTrimmed("/proc/irq/25/smp_affinity_list")).as("only isolated CPUs allowed: the housekeeping ones").hasValue("0-1");
        assertThat(remediations.moveIrqOffIsolated(26, ISOLATED, HOUSEKEEPING)).as("already off").isEmpty();
        assertThat(remediations.moveIrqOffIsolated(99, ISOLATED, HOUSEKEEPING)).as("gone").isEmpty();
        assertThat(TuneStatus.read(host, journal).profiles()).containsExactly(JournaledChanges.PROFILE);

        new Rollback(host, journal, CLOCK, ExecutionListener.NONE).run();
        assertThat(host.readTrimmed("/proc/irq/24/smp_affinity_list")).hasValue("1-3");
        assertThat(host.readTrimmed("/proc/irq/25/smp_affinity_list")).hasValue("3");
    }

    @Test
    void driftIsWrittenBackThroughTheJournalKeepingTheFirstOriginal() {
        Sysroot host = new SysfsTree(root).file("/proc/sys/vm/swappiness", "60\n").sysroot();
        new PlanExecutor(host, journal, CLOCK, ExecutionListener.NONE).apply(new Plan("training",
                List.of(new Change("memory.swappiness", "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "60", "10", "test")), List.of()));
        Remediations remediations = new Remediations(host, journal, Path.of("/var/lib/asios"), CLOCK);
        assertThat(remediations.reapplyDrift().describe()).isEqualTo("nothing drifted");

        new SysfsTree(root).file("/proc/sys/vm/swappiness", "80\n");
        Remediation drift = remediations.reapplyDrift();
        assertThat(drift.describe()).isEqualTo("re-apply 1 drifted setting: /proc/sys/vm/swappiness: 80 (applied 10)");
        RemediationResult result = drift.apply();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.after()).isEqualTo("/proc/sys/vm/swappiness: 10");
        assertThat(host.readTrimmed("/proc/sys/vm/swappiness")).hasValue("10");

        new Rollback(host, journal, CLOCK, ExecutionListener.NONE).run();
        assertThat(host.readTrimmed("/proc/sys/vm/swappiness")).as("the original from before the profile").hasValue("60");
    }

    @Test
    void aGpuMarkIsAddedToTheMarksFileAndRollbackTakesItAway() throws Exception {
        Path state = Path.of("/var/lib/asios");
        Sysroot host = new SysfsTree(root).folder(state.toString()).folder("/proc").sysroot();
        Remediations remediations = new Remediations(host, journal, state, CLOCK);
        PciAddress gpu = PciAddress.parse("0000:3b:00.0");

        Remediation mark = remediations.markGpuUnhealthy(gpu, "2 uncorrectable ECC errors").orElseThrow();
        assertThat(mark.subject()).isEqualTo("gpu/0000:3b:00.0");
        assertThat(mark.apply().succeeded()).isTrue();
        UnhealthyGpus marks = HostResources.unhealthyGpus(host.resolve(state.toString()));
        assertThat(marks.marks().get(gpu)).isEqualTo(new UnhealthyGpus.Mark(CLOCK.instant(), "asios-heal", "2 uncorrectable ECC errors"));
        assertThat(remediations.markGpuUnhealthy(gpu, "again")).as("marked already").isEmpty();

        new Rollback(host, journal, CLOCK, ExecutionListener.NONE).run();
        assertThat(host.exists(state.resolve(UnhealthyGpus.FILE).toString())).isFalse();
    }
    @Test
    void aTaskInTheIsolatedCpusetLeavesItForTheHousekeepingOneOnCgroupV1AndForTheParentOnV2() {
        String v1 = "/sys/fs/cgroup/cpuset";
        String v2 = "/sys/fs/cgroup/unified";
        SysfsTree tree = new SysfsTree(root);
        for (String folder : List.of(v1, v1 + "/asios-isolated", v1 + "/asios-housekeeping", v2, v2 + "/asios-isolated")) {
            tree.file(folder + "/cgroup.procs", "").file(folder + (folder.startsWith(v1) ? "/tasks" : "/cgroup.threads"), "");
        }
        TaskTrees.task(tree, 70, 71, "worker", TaskTrees.USER_FLAGS, 2, "2-3");
        TaskTrees.task(tree, 80, 80, "daemon", TaskTrees.USER_FLAGS, 3, "3");
        TaskTrees.task(tree, 90, 90, "quiet", TaskTrees.USER_FLAGS, 0, "0-1");
        tree.file("/proc/70/task/71/cgroup", "3:cpuset:/asios-isolated\n0::/\n").file(v1 + "/asios-isolated/tasks", "71\n")
                .file("/proc/80/task/80/cgroup", "3:cpuset:/\n0::/asios-isolated\n").file(v2 + "/asios-isolated/cgroup.procs", "80\n");
        Sysroot host = tree.sysroot();
        Remediations remediations = new Remediations(host, journal, Path.of("/var/lib/asios"), CLOCK,
                new IsolatedTasks(new ForeignTasks(new TaskScanner(host), Set::of), List.of(v1 + "/asios-isolated", v2 + "/asios-isolated")));

        Remediation worker = remediations.moveTaskOffIsolated(70, 71, ISOLATED, HOUSEKEEPING).orElseThrow();
        assertThat(worker.subject()).isEqualTo("task/71");
        assertThat(worker.describe()).isEqualTo("/proc/70/task/71@0: 2-3 in " + v1 + "/asios-isolated -> 0-1 in " + v1 + "/asios-housekeeping"
                + " (thread 71 of process 70 may run on isolated CPUs 2-3, the only CPUs of its cpuset " + v1 + "/asios-isolated)");
        assertThat(remediations.moveTaskOffIsolated(80, 80, ISOLATED, HOUSEKEEPING).orElseThrow().describe())
                .startsWith("/proc/80/task/80@0: 3 in " + v2 + "/asios-isolated -> 0-1 in " + v2 + " (");
        assertThat(remediations.moveTaskOffIsolated(90, 90, ISOLATED, HOUSEKEEPING)).as("already off").isEmpty();
        assertThat(remediations.moveTaskOffIsolated(90, 91, ISOLATED, HOUSEKEEPING)).as("gone").isEmpty();
        assertThatThrownBy(() -> new Remediations(host, journal, Path.of("/var/lib/asios"), CLOCK).moveTaskOffIsolated(70, 71, ISOLATED, HOUSEKEEPING))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without the view of the foreign tasks");
    }
}
