package dev.asios.health.heal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditLogSettings;
import dev.asios.health.audit.AuditQuery;
import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.HealPolicy;
import dev.asios.observe.restart.Backoff;
import dev.asios.observe.restart.RestartPermit;
import dev.asios.observe.restart.Stop;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy's back-off-failing-probe against a gate with a tight limit, its events read back from the audit log. */
class FailingProbeBackoffTest {

    private static final long T0 = Instant.parse("2026-11-25T13:00:00Z").toEpochMilli();
    private static final String TIGHT = """
            remediations:
              back-off-failing-probe:
                per-subject: { max: 2, per: 10m }
                backoff-initial: 2s
                backoff-max: 30s
                healthy-after: 5m
            """;

    @TempDir
    Path auditDir;

    private final AtomicLong nowMs = new AtomicLong(T0);
    private final InstantSource clock = () -> Instant.ofEpochMilli(nowMs.get());

    private static Stop died(String name) {
        return new Stop(Stop.PROBE, name, "bpftrace exited with status 1: ERROR: tracepoint not found: sched:sched_nosuch", Duration.ofMillis(300),
                Duration.ofSeconds(2));
    }

    private List<AuditEvent> events(AuditLog audit, FailingProbeBackoff permit) {
        permit.close();
        return audit.query(AuditQuery.all()).events().stream().sorted(Comparator.comparingLong(AuditEvent::sequence)).toList();
    }

    private static HealGate gate(HealMode mode) {
        return new HealGate(HealPolicy.parse(TIGHT, "tight.yaml").withMode(mode));
    }

    @Test
    void theBackoffComesFromThePolicy() {
        assertThat(FailingProbeBackoff.backoff(HealPolicy.builtIn()))
                .isEqualTo(new Backoff.Settings(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(1)));
        assertThat(FailingProbeBackoff.backoff(HealPolicy.parse(TIGHT, "tight.yaml")))
                .isEqualTo(new Backoff.Settings(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(5)));
    }

    @Test
    void enforceReportsEachRestartAndKeepsAProbeOverItsLimitStoppedUntilTheWindowAllows() {
        try (AuditLog audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, clock)) {
            FailingProbeBackoff permit = new FailingProbeBackoff(gate(HealMode.ENFORCE), audit, clock);

            assertThat(permit.beforeRestart(died("kernel"))).isEqualTo(RestartPermit.Answer.ALLOWED);
            nowMs.addAndGet(3_000);
            assertThat(permit.beforeRestart(died("kernel"))).isEqualTo(RestartPermit.Answer.ALLOWED);
            nowMs.addAndGet(5_000);
            RestartPermit.Answer third = permit.beforeRestart(died("kernel"));
            assertThat(permit.beforeRestart(died("cuda")).allowed()).as("another subject").isTrue();
            assertThat(permit.beforeRestart(died("kernel")).allowed()).as("asked again before the retry time").isFalse();
            nowMs.set(third.retryAtEpochMs());
            assertThat(permit.beforeRestart(died("kernel")).allowed()).as("the window lets it restart").isTrue();

            assertThat(third.allowed()).isFalse();
            assertThat(third.retryAtEpochMs()).isEqualTo(T0 + 600_000);
            assertThat(third.why()).contains("rate limited to 2 per 10m per subject");
            List<AuditEvent> events = events(audit, permit);
            assertThat(events).extracting(AuditEvent::type).containsExactly(
                    AuditEventType.REMEDIATION_PROPOSED, AuditEventType.REMEDIATION_APPLIED,
                    AuditEventType.REMEDIATION_PROPOSED, AuditEventType.REMEDIATION_APPLIED,
                    AuditEventType.RATE_LIMITED,
                    AuditEventType.REMEDIATION_PROPOSED, AuditEventType.REMEDIATION_APPLIED,
                    AuditEventType.REMEDIATION_PROPOSED, AuditEventType.REMEDIATION_APPLIED);
            assertThat(events.get(1).subject()).isEqualTo("probe/kernel");
            assertThat(events.get(1).outcome()).isEqualTo("restarting probe kernel after 2s backoff");
            assertThat(events.get(1).why()).isEqualTo(died("kernel").why());
            assertThat(events.get(4).outcome()).endsWith("; probe/kernel stays stopped until then").contains("next allowed at 2026-11-25T13:10:00Z");
            assertThat(events.get(4).after().toString()).contains("2026-11-25T13:10:00Z");
            assertThat(events.get(6).subject()).isEqualTo("probe/cuda");
            assertThat(events).allMatch(e -> e.mode() == HealMode.ENFORCE);
        }
    }

    @Test
    void dryRunReportsTheLimitItWouldEnforceButAlwaysAllowsTheRestart() {
        try (AuditLog audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, clock)) {
            FailingProbeBackoff permit = new FailingProbeBackoff(gate(HealMode.DRY_RUN), audit, clock);

            for (int i = 0; i < 4; i++) {
                assertThat(permit.beforeRestart(died("kernel"))).isEqualTo(RestartPermit.Answer.ALLOWED);
                nowMs.addAndGet(2_000);
            }

            List<AuditEvent> events = events(audit, permit);
            assertThat(events).extracting(AuditEvent::type).as("the repeated refusal is written once").containsExactly(
                    AuditEventType.REMEDIATION_PROPOSED, AuditEventType.REMEDIATION_PROPOSED, AuditEventType.RATE_LIMITED);
            assertThat(events.get(0).outcome()).isEqualTo("dry-run: would carry out back-off-failing-probe on probe/kernel; nothing changed");
            assertThat(events.get(2).outcome()).endsWith("; dry-run: enforce would keep probe/kernel stopped until then, it restarts after 2s");
        }
    }

    @Test
    void offReportsNothingAndAllowsEveryRestart() {
        try (AuditLog audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, clock)) {
            FailingProbeBackoff permit = new FailingProbeBackoff(gate(HealMode.OFF), audit, clock);

            for (int i = 0; i < 4; i++) {
                assertThat(permit.beforeRestart(died("kernel"))).isEqualTo(RestartPermit.Answer.ALLOWED);
            }

            assertThat(events(audit, permit)).isEmpty();
        }
    }

    @Test
    void aCollectorIsResumedNotRestarted() {
        try (AuditLog audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, clock)) {
            FailingProbeBackoff permit = new FailingProbeBackoff(gate(HealMode.ENFORCE), audit, clock);

            permit.beforeRestart(new Stop(Stop.COLLECTOR, "disk", "10 collections failed in a row, the latest: gone", Duration.ofSeconds(12),
                    Duration.ofMillis(1_500)));

            List<AuditEvent> events = events(audit, permit);
            assertThat(events.get(1).subject()).isEqualTo("collector/disk");
            assertThat(events.get(1).outcome()).isEqualTo("resuming collector disk after 1s backoff");
        }
    }
}
