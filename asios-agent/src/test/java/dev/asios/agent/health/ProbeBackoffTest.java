package dev.asios.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditLogSettings;
import dev.asios.health.audit.AuditQuery;
import dev.asios.health.heal.FailingProbeBackoff;
import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.HealPolicy;
import dev.asios.health.policy.RemediationKind;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.observe.ebpf.BpftraceVersion;
import dev.asios.observe.ebpf.KernelParts;
import dev.asios.observe.ebpf.ProbeState;
import dev.asios.observe.ebpf.ProbeStatus;
import dev.asios.observe.ebpf.ProbeSupervisor;
import dev.asios.observe.ebpf.ScriptDialect;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.runs.TrackedRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe whose bpftrace keeps dying (a script that exits 1 with bpftrace's error), supervised as
 * the agent does it: its waits from the heal policy, each restart asked of the policy's
 * {@code back-off-failing-probe} through the healer's kind of gate, every decision in the audit log
 * of the state folder. Changes nothing on the host.
 */
class ProbeBackoffTest {

    private static final String TIGHT = """
            remediations:
              back-off-failing-probe:
                per-subject: { max: 2, per: 1h }
                backoff-initial: 1s
                backoff-max: 2s
                healthy-after: 1m
            """;

    @TempDir
    Path state;

    @TempDir
    Path folder;

    private Path dyingBpftrace() throws IOException {
        Path fake = folder.resolve("bpftrace");
        Files.writeString(fake, "#!/bin/sh\necho 'stdin:1:1-30: ERROR: tracepoint not found: sched:sched_nosuch' >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private record Outcome(List<AuditEvent> events, ProbeStatus status) {
    }

    // Supervises the dying probe under the tight policy in mode until done, and reads the audit log.
    private Outcome superviseDyingProbe(HealMode mode, Predicate<ProbeSupervisor> done) throws Exception {
        HealPolicy policy = HealPolicy.parse(TIGHT, "tight.yaml").withMode(mode);
        MetricRegistry registry = new MetricRegistry();
        SysfsTree tree = new SysfsTree(folder.resolve("root")).folder("/sys/block");
        long start = System.currentTimeMillis();
        try (AuditLog audit = AuditLog.open(state.resolve(HealthMonitor.AUDIT_DIR), AuditLogSettings.STANDARD, InstantSource.system())) {
            FailingProbeBackoff permit = new FailingProbeBackoff(new HealGate(policy), audit, InstantSource.system());
            ProbeStatus status;
            try (ProbeSupervisor probe = new ProbeSupervisor("kernel", KernelParts.all(tree.sysroot(), registry, TrackedRuns.NONE, 20), Map.of(),
                    dyingBpftrace(), new ScriptDialect(new BpftraceVersion(0, 17, 0)), FailingProbeBackoff.backoff(policy), permit, registry)) {
                probe.start();
                await(mode.wireName() + " done", () -> done.test(probe));
                Thread.sleep(2_500);
                status = probe.status();
            }
            permit.close();
            List<AuditEvent> events = audit.query(AuditQuery.all().withNewestFirst(false)).events();
            events.forEach(e -> System.out.println(mode.wireName() + " +" + (e.epochMs() - start) + " ms " + e.type().wireName() + " " + e.subject() + " | " + e.outcome()));
            return new Outcome(events, status);
        }
    }

    @Test
    void enforceRestartsTheProbeTwiceAndThenKeepsItStoppedWithARateLimitedEvent() throws Exception {
        Outcome outcome = superviseDyingProbe(HealMode.ENFORCE, probe -> probe.status().reason().contains("restart refused until"));

        assertThat(outcome.events()).extracting(AuditEvent::type).containsExactly(AuditEventType.REMEDIATION_PROPOSED, AuditEventType.REMEDIATION_APPLIED,
                AuditEventType.REMEDIATION_PROPOSED, AuditEventType.REMEDIATION_APPLIED, AuditEventType.RATE_LIMITED);
        assertThat(outcome.events()).allMatch(e -> e.subject().equals("probe/kernel") && e.remediation() == RemediationKind.BACK_OFF_FAILING_PROBE);
        assertThat(outcome.events().get(1).outcome()).isEqualTo("restarting probe kernel after 1s backoff");
        assertThat(outcome.events().get(3).outcome()).isEqualTo("restarting probe kernel after 2s backoff");
        assertThat(outcome.events().get(1).why()).isEqualTo("bpftrace exited with status 1: stdin:1:1-30: ERROR: tracepoint not found: sched:sched_nosuch");
        assertThat(outcome.events().get(4).outcome()).contains("rate limited to 2 per 1h per subject").endsWith("probe/kernel stays stopped until then");
        assertThat(outcome.status().state()).isEqualTo(ProbeState.BACKING_OFF);
        assertThat(outcome.status().restarts()).as("still stopped 2.5 s later").isEqualTo(2);
    }

    @Test
    void dryRunReportsTheSameButRestartsTheProbeAsBefore() throws Exception {
        Outcome outcome = superviseDyingProbe(HealMode.DRY_RUN, probe -> probe.status().restarts() >= 3);

        assertThat(outcome.events()).extracting(AuditEvent::type).startsWith(AuditEventType.REMEDIATION_PROPOSED, AuditEventType.REMEDIATION_PROPOSED,
                AuditEventType.RATE_LIMITED);
        assertThat(outcome.events()).extracting(AuditEvent::type).doesNotContain(AuditEventType.REMEDIATION_APPLIED);
        assertThat(outcome.events().get(2).outcome()).endsWith("dry-run: enforce would keep probe/kernel stopped until then, it restarts after 2s");
        assertThat(outcome.status().restarts()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void offReportsNothing() throws Exception {
        Outcome outcome = superviseDyingProbe(HealMode.OFF, probe -> probe.status().restarts() >= 2);

        assertThat(outcome.events()).isEmpty();
    }
}
