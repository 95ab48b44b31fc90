package dev.asios.health.heal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditLogSettings;
import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.HealPolicy;
import dev.asios.health.policy.RemediationKind;
import dev.asios.health.rules.ForeignTasks;
import dev.asios.health.rules.RuleFinding;
import dev.asios.health.rules.RuleReport;
import dev.asios.health.rules.TaskScanner;
import dev.asios.health.rules.TaskTrees;
import dev.asios.host.findings.Severity;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.plan.ValueFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings in, decisions and remediations out, each in the audit log, on a temporary host. */
class HealerTest {

    private static final long T0 = Instant.parse("2026-11-25T13:00:00Z").toEpochMilli();
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC);

    @TempDir
    Path root;

    @TempDir
    Path journal;

    @TempDir
    Path auditDir;

    private Sysroot driftedHost() {
        Sysroot host = new SysfsTree(root).file("/proc/sys/vm/swappiness", "60\n").file("/proc/irq/24/smp_affinity_list", "0-3\n").sysroot();
        new PlanExecutor(host, journal, CLOCK, ExecutionListener.NONE).apply(new Plan("training",
                List.of(new Change("memory.swappiness", "/proc/sys/vm/swappiness", ValueFormat.PLAIN, "60", "10", "test")), List.of()));
        new SysfsTree(root).file("/proc/sys/vm/swappiness", "80\n");
        return host;
    }

    private Healer healer(Sysroot host, HealMode mode, AuditLog audit) {
        return healer(new Remediations(host, journal, Path.of("/var/lib/asios"), CLOCK), mode, audit);
    }

    private static Healer healer(Remediations remediations, HealMode mode, AuditLog audit) {
        Healer.HostView view = new Healer.HostView(() -> CpuSet.parseList("2-3"), () -> CpuSet.parseList("0-3"), gpu -> Optional.empty());
        return new Healer(new HealGate(HealPolicy.builtIn().withMode(mode)), remediations, audit, view, Duration.ofSeconds(30));
    }

    private static RuleFinding finding(String rule, String subject, String instance, RemediationKind kind, Map<String, String> details) {
        return new RuleFinding(rule, subject, instance, Severity.WARNING, rule + " seen", T0, OptionalLong.empty(), Optional.of(kind), details);
    }

    private static RuleReport round(long epochMs, RuleFinding... active) {
        return new RuleReport(epochMs, List.of(active), List.of(), List.of(), List.of());
    }

    @Test
    void enforcedDriftIsReappliedOnceForAllItsFilesAndRecordedWithBeforeAfterAndUndo() {
        Sysroot host = driftedHost();
        try (AuditLog audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, CLOCK)) {
            Healer healer = healer(host, HealMode.ENFORCE, audit);
            RuleFinding swappiness = finding("tuning-drift", "tuning", "/proc/sys/vm/swappiness", RemediationKind.REAPPLY_DRIFT, Map.of("path", "/proc/sys/vm/swappiness"));
            RuleFinding other = finding("tuning-drift", "tuning", "/proc/sys/vm/dirty_ratio", RemediationKind.REAPPLY_DRIFT, Map.of("path", "/proc/sys/vm/dirty_ratio"));

            List<AuditEvent> events = healer.onRound(round(T0, swappiness, other));

            assertThat(events).extracting(AuditEvent::type).containsExactly(AuditEventType.REMEDIATION_PROPOSED, AuditEventType.REMEDIATION_APPLIED);
            AuditEvent applied = events.get(1);
            assertThat(applied.subject()).isEqualTo("tuning");
            assertThat(applied.before().toString()).contains("/proc/sys/vm/swappiness: 80 (applied 10)");
            assertThat(applied.after().toString()).contains("/proc/sys/vm/swappiness: 10");
            assertThat(applied.undoRef()).startsWith("asios tune rollback");
            assertThat(host.readTrimmed("/proc/sys/vm/swappiness")).hasValue("10");
            assertThat(healer.onRound(round(T0 + 1000, swappiness, other))).as("still active, not due again for 30 s").isEmpty();
            assertThat(audit.lastSequence()).isEqualTo(events.get(1).sequence());
        }
    }

    @Test
    void dryRunOnlyReportsWhatItWouldDo() {
        Sysroot host = driftedHost();
        try (AuditLog audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, CLOCK)) {
            List<AuditEvent> events = healer(host, HealMode.DRY_RUN, audit).onRound(round(T0,
                    finding("irq-on-isolated-cpu", "cpu/3", "irq/24", RemediationKind.MOVE_IRQ_OFF_ISOLATED_CPU, Map.of("irq", "24", "cpu", "3"))));

            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(AuditEventType.REMEDIATION_PROPOSED);
                assertThat(e.subject()).isEqualTo("irq/24");
                assertThat(e.mode()).isEqualTo(HealMode.DRY_RUN);
                assertThat(e.before().toString()).contains("/proc/irq/24/smp_affinity_list: 0-3 -> 0-1");
            });
            assertThat(host.readTrimmed("/proc/irq/24/smp_affinity_list")).hasValue("0-3");
        }
    }

    @Test
    void anAllowedKindTheHealerDoesNotCarryOutIsRecordedAsSkippedWithTheReason() {
        Sysroot host = driftedHost();
        try (AuditLog audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, CLOCK)) {
            List<AuditEvent> events = healer(host, HealMode.ENFORCE, audit).onRound(round(T0,
                    finding("probe-failing", "probe/runqlat", "probe/runqlat", RemediationKind.BACK_OFF_FAILING_PROBE, Map.of())));

            assertThat(events).extracting(AuditEvent::type).containsExactly(AuditEventType.REMEDIATION_PROPOSED, AuditEventType.REMEDIATION_SKIPPED);
            assertThat(events.get(1).outcome()).isEqualTo("cannot prepare it: back-off-failing-probe is not carried out by the healer");
        }
    }

    @Test
    void aForeignTaskIsProposedToMoveWithItsPlacementAndARunQueueFindingMovesTheThreadsOnItsCpu() {
        SysfsTree tree = new SysfsTree(root);
        TaskTrees.task(tree, 42, 42, "hog", TaskTrees.USER_FLAGS, 3, "3");
        TaskTrees.task(tree, 42, 44, "hog", TaskTrees.USER_FLAGS, 3, "1-3");
        Sysroot host = tree.sysroot();
        Remediations remediations = new Remediations(host, journal, Path.of("/var/lib/asios"), CLOCK,
                new IsolatedTasks(new ForeignTasks(new TaskScanner(host), Set::of), List.of()));
        try (AuditLog audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, CLOCK)) {
            Healer healer = healer(remediations, HealMode.DRY_RUN, audit);
            List<AuditEvent> events = healer.onRound(round(T0,
                    finding("task-on-isolated-cpu", "cpu/3", "task/42", RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU, Map.of("pid", "42", "tid", "42", "cpu", "3")),
                    finding("task-on-isolated-cpu", "cpu/3", "task/44", RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU, Map.of("pid", "42", "tid", "44", "cpu", "3")),
                    finding("isolated-cpu-runqueue-latency", "cpu/3", "", RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU, Map.of("cpu", "3"))));

            assertThat(events).extracting(AuditEvent::subject).containsExactly("task/42", "task/44", "cpu/3");
            assertThat(events.get(0).before().toString()).contains("/proc/42/task/42@0: 3 -> 0-1 (process 42 may run on isolated CPUs 3)");
            assertThat(events.get(1).before().toString()).contains("/proc/42/task/44@0: 1-3 -> 1 (thread 44 of process 42 may run on isolated CPUs 2-3)");
            assertThat(events.get(2).before().toString()).contains("/proc/42/task/42@0: 3 -> 0-1", "/proc/42/task/44@0: 1-3 -> 1");
            assertThat(host.read("/proc/42/task/42/status").orElseThrow()).contains("Cpus_allowed_list:\t3");
        }
    }

    @Test
    void aRunQueueFindingWithNoForeignThreadOnItsCpuHasNothingToDo() {
        Sysroot host = new SysfsTree(root).folder("/proc").sysroot();
        Remediations remediations = new Remediations(host, journal, Path.of("/var/lib/asios"), CLOCK,
                new IsolatedTasks(new ForeignTasks(new TaskScanner(host), Set::of), List.of()));
        try (AuditLog audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, CLOCK)) {
            List<AuditEvent> events = healer(remediations, HealMode.ENFORCE, audit).onRound(round(T0,
                    finding("isolated-cpu-runqueue-latency", "cpu/3", "", RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU, Map.of("cpu", "3"))));

            assertThat(events).extracting(AuditEvent::type).containsExactly(AuditEventType.REMEDIATION_PROPOSED, AuditEventType.REMEDIATION_SKIPPED);
            assertThat(events.get(1).outcome()).startsWith("nothing to do");
        }
    }
}
