package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.kernel.CgroupMount;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.kernel.Cgroups;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.runs.TrackedRun;
import dev.asios.tune.journal.Journal;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.ValueFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules and inputs that read host files, on trees made here: IRQs, drift, thermal counts, isolated CPUs, run tasks. */
class HostFileRulesTest {

    private static final String HEADER = "           CPU0       CPU1       \n";

    @TempDir
    Path root;

    private SysfsTree tree() {
        return new SysfsTree(root);
    }

    private static String interrupts(long nvmeOnCpu1, long timerOnCpu1) {
        return HEADER + " 24:          1          0  IO-APIC   5-edge      ACPI:Ged\n"
                + " 40:       5000 " + String.format("%10d", nvmeOnCpu1) + "  PCI-MSIX-0000:00:04.0   0-edge      nvme0q0, nvme0q1\n"
                + "LOC:       9000 " + String.format("%10d", timerOnCpu1) + "   Local timer interrupts\n"
                + "ERR:          0\n";
    }

    @Test
    void anIrqHandledOnAnIsolatedCpuSinceThePreviousCheckIsNamedWithItsAffinity() throws Exception {
        tree().file("/proc/interrupts", interrupts(7, 100)).file("/proc/irq/40/smp_affinity_list", "0-1\n")
                .file("/proc/irq/40/effective_affinity_list", "1\n");
        IrqOnIsolatedRule rule = new IrqOnIsolatedRule(Sysroot.of(root), () -> CpuSet.of(1), Duration.ofSeconds(2), IrqOnIsolatedRule.DEFAULT_HYSTERESIS);
        assertThat(rule.due(1_000)).isTrue();
        assertThat(rule.check(Rounds.empty(1_000))).as("the first check records the counts").isEmpty();

        tree().file("/proc/interrupts", interrupts(127, 300));
        assertThat(rule.due(3_000)).isTrue();
        assertThat(rule.check(Rounds.empty(3_000))).as("the local timer is not a device interrupt").singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("cpu/1 irq/40");
            assertThat(s.evidence()).isEqualTo("IRQ 40 (nvme0q0, nvme0q1; PCI-MSIX-0000:00:04.0) was handled 120 time(s) on isolated CPU 1 in the last 2.0 s;"
                    + " smp_affinity_list 0-1, effective_affinity_list 1");
            assertThat(s.remediation()).contains(RemediationKind.MOVE_IRQ_OFF_ISOLATED_CPU);
            assertThat(s.details()).containsEntry("irq", "40").containsEntry("cpu", "1").containsEntry("count", "120");
        });
        assertThat(rule.check(Rounds.empty(5_000))).as("no new interrupt").isEmpty();

        tree().file("/proc/interrupts", "garbled\n");
        assertThatThrownBy(() -> rule.check(Rounds.empty(7_000))).isInstanceOf(ParseException.class);
    }

    @Test
    void aMissingInterruptsFileFailsTheCheckWithItsName() throws IOException {
        tree().folder("/proc");
        IrqOnIsolatedRule rule = new IrqOnIsolatedRule(Sysroot.of(root), () -> CpuSet.of(1), Duration.ofSeconds(2), IrqOnIsolatedRule.DEFAULT_HYSTERESIS);
        assertThatThrownBy(() -> rule.check(Rounds.empty(1))).isInstanceOf(IOException.class).hasMessage("/proc/interrupts is missing or unreadable");
        assertThat(new IrqOnIsolatedRule(Sysroot.of(root), CpuSet::empty, Duration.ofSeconds(2), IrqOnIsolatedRule.DEFAULT_HYSTERESIS)
                .check(Rounds.empty(1))).as("without isolated CPUs nothing is read").isEmpty();
    }

    @Test
    void aSettingOfTheAppliedProfileThatTheHostNoLongerShowsIsDrift() {
        tree().file("/proc/sys/vm/swappiness", "10\n");
        Path journal = root.resolve("journal");
        try (Journal writer = Journal.open(journal, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))) {
            writer.begin("latency");
            writer.original(Operation.WRITE, "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "60");
            writer.applied(Operation.WRITE, "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "10", null);
            writer.end();
        }
        TuningDriftRule rule = new TuningDriftRule(TuningDriftRule.fromJournal(Sysroot.of(root), journal), Duration.ofSeconds(2),
                TuningDriftRule.DEFAULT_HYSTERESIS);
        assertThat(rule.check(Rounds.empty(1))).isEmpty();

        tree().file("/proc/sys/vm/swappiness", "60\n");
        assertThat(rule.check(Rounds.empty(2))).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("host /proc/sys/vm/swappiness");
            assertThat(s.evidence()).isEqualTo("/proc/sys/vm/swappiness is '60'; the applied profile set '10' (write, '60' before)");
            assertThat(s.remediation()).contains(RemediationKind.REAPPLY_DRIFT);
        });
        assertThat(new TuningDriftRule(TuningDriftRule.fromJournal(Sysroot.of(root), root.resolve("none")), Duration.ofSeconds(2),
                TuningDriftRule.DEFAULT_HYSTERESIS).check(Rounds.empty(1))).as("no journal: nothing applied").isEmpty();
    }

    @Test
    void aThermalThrottleCountThatGrewIsASymptomOfItsCpu() {
        String dir = "/sys/devices/system/cpu/cpu1/thermal_throttle/";
        tree().file(dir + "core_throttle_count", "120\n").file(dir + "package_throttle_count", "33\n").folder("/sys/devices/system/cpu/cpu0")
                .file("/sys/devices/system/cpu/online", "0-1\n");
        CpuThermalThrottleRule rule = new CpuThermalThrottleRule(Sysroot.of(root), Duration.ofSeconds(5), CpuThermalThrottleRule.DEFAULT_HYSTERESIS);
        assertThat(rule.due(0)).isTrue();
        assertThat(rule.check(Rounds.empty(0))).isEmpty();
        tree().file(dir + "core_throttle_count", "124\n");
        assertThat(rule.due(5_000)).isTrue();
        assertThat(rule.check(Rounds.empty(5_000))).singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo("cpu/1");
            assertThat(s.evidence()).isEqualTo("CPU 1 was slowed for heat in the last 5.0 s: its core 4 time(s), its package 0 time(s) (counts now 124 and 33)");
        });
        assertThat(rule.check(Rounds.empty(10_000))).isEmpty();
    }

    @Test
    void theIsolatedCpusAreThoseOfSysfsAndOfTheAsiosCpusets() {
        tree().file("/sys/devices/system/cpu/isolated", "2-3\n").file("/sys/fs/cgroup/cpuset/asios-isolated/cpuset.cpus", "6-7\n")
                .file("/sys/fs/cgroup/asios-isolated/cpuset.cpus", "4\n").file("/sys/fs/cgroup/asios-isolated/cpuset.cpus.effective", "5\n");
        Cgroups hybrid = new Cgroups(CgroupVersion.HYBRID, List.of(new CgroupMount(CgroupVersion.V1, "/sys/fs/cgroup/cpuset", List.of("cpuset"), Optional.empty()),
                new CgroupMount(CgroupVersion.V2, "/sys/fs/cgroup", List.of(), Optional.empty())), false, false);
        IsolatedCpus v1 = IsolatedCpus.forHost(Sysroot.of(root), hybrid);
        assertThat(v1.cpusetFolders()).containsExactly("/sys/fs/cgroup/cpuset/asios-isolated");
        assertThat(v1.get()).isEqualTo(CpuSet.parseList("2-3,6-7"));

        Cgroups v2 = new Cgroups(CgroupVersion.V2, List.of(new CgroupMount(CgroupVersion.V2, "/sys/fs/cgroup", List.of("cpuset"), Optional.empty())),
                true, true);
        assertThat(IsolatedCpus.forHost(Sysroot.of(root), v2).get()).as("the effective CPUs first").isEqualTo(CpuSet.parseList("2-3,5"));
        assertThat(IsolatedCpus.of(Sysroot.of(root), List.of("/sys/fs/cgroup/gone")).get()).isEqualTo(CpuSet.parseList("2-3"));
    }

    @Test
    void theTasksOfTheTrackedRunsAreThoseOfTheirFoldersAndTheFoldersBelow() {
        tree().file("/sys/fs/cgroup/asios-runs/run-a/cgroup.procs", "600\n601\n").file("/sys/fs/cgroup/asios-runs/run-a/workers/cgroup.procs", "700\n")
                .file("/sys/fs/cgroup/cpuset/asios-runs/run-b/tasks", "800\n801\n");
        TrackedRunTasks tasks = new TrackedRunTasks(Sysroot.of(root), () -> List.of(new TrackedRun("a", List.of("/sys/fs/cgroup/asios-runs/run-a")),
                new TrackedRun("b", List.of("/sys/fs/cgroup/cpuset/asios-runs/run-b", "/sys/fs/cgroup/memory/asios-runs/run-b"))));
        assertThat(tasks.get()).containsExactlyInAnyOrder(600L, 601L, 700L, 800L, 801L);
    }
}
