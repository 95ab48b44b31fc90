package dev.asios.health.audit;

import static dev.asios.health.audit.AuditLogTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.HealPolicy;
import dev.asios.health.policy.Proposal;
import dev.asios.health.policy.RemediationKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealEventsTest {

    private static final Proposal MOVE = new Proposal(RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU, "cpu/3", "pid 4242 (stress-ng) ran 93% of cpu/3");

    @Test
    void eachVerdictHasItsEventType() {
        HealGate gate = new HealGate(HealPolicy.builtIn().withMode(HealMode.ENFORCE));
        AuditEvent proposed = HealEvents.decided(gate.decide(MOVE, T0)).build(1, T0);
        assertThat(proposed.type()).isEqualTo(AuditEventType.REMEDIATION_PROPOSED);
        assertThat(proposed.actor()).isEqualTo(AuditEvent.HEAL);
        assertThat(proposed.subject()).isEqualTo("cpu/3");
        assertThat(proposed.why()).isEqualTo(MOVE.reason());
        assertThat(proposed.remediation()).isEqualTo(RemediationKind.MOVE_TASK_OFF_ISOLATED_CPU);
        assertThat(proposed.mode()).isEqualTo(HealMode.ENFORCE);
        assertThat(proposed.outcome()).isEqualTo("enforce: carry out move-task-off-isolated-cpu on cpu/3");
        assertThat(proposed.after()).isNull();
        AuditEvent limited = HealEvents.decided(gate.decide(MOVE, T0 + 1000)).build(2, T0);
        assertThat(limited.type()).isEqualTo(AuditEventType.RATE_LIMITED);
        assertThat(limited.after()).isEqualTo(AuditValue.of(Map.of("verdict", "in-cooldown", "retry-at", "2025-03-01T10:00:05Z")));
        HealGate off = new HealGate(HealPolicy.builtIn().withMode(HealMode.OFF));
        assertThat(HealEvents.decided(off.decide(MOVE, T0)).build(3, T0).type()).isEqualTo(AuditEventType.REMEDIATION_SKIPPED);
        HealGate dryRun = new HealGate(HealPolicy.builtIn());
        assertThat(HealEvents.decided(dryRun.decide(MOVE, T0)).build(4, T0).outcome()).startsWith("dry-run: would carry out");
    }

    @Test
    void aLoadedPolicyIsRecordedWithItsSummary() {
        HealPolicy policy = HealPolicy.builtIn().withMode(HealMode.ENFORCE);
        AuditEvent event = HealEvents.policyLoaded(policy, AuditEvent.OPERATOR, "asios up --heal enforce").build(1, T0);
        assertThat(event.type()).isEqualTo(AuditEventType.POLICY_LOADED);
        assertThat(event.after()).isEqualTo(AuditValue.of(policy.summary()));
        assertThat(event.outcome()).isEqualTo("in force: mode enforce from built-in");
        assertThat(AuditLineCodec.encode(event, AuditLineCodec.GENESIS).length).as("fits a line with room").isLessThan(2048);
    }
}
