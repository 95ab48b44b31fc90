package dev.asios.health.audit;

import dev.asios.health.policy.Decision;
import dev.asios.health.policy.HealPolicy;
import dev.asios.health.policy.Proposal;
import java.time.Instant;
import java.util.Map;

/**
 * The audit events of the heal policy's decisions, so that every caller records them alike. The
 * events of carrying a remediation out ({@code remediation-applied}, {@code -failed},
 * {@code -undone}) are built by the code that carries it out, which knows the before, the after
 * and the undo reference. Stateless.
 */
public final class HealEvents {

    private HealEvents() {
    }

    /**
     * The event that records {@code decision}: {@code remediation-proposed} when it is carried out
     * or reported (dry-run), {@code remediation-skipped} when skipped, {@code rate-limited} (with
     * the retry time in {@code after}) when refused for now. The why is the proposal's reason, the
     * outcome the decision's explanation.
     */
    public static AuditEvent.Builder decided(Decision decision) {
        Proposal proposal = decision.proposal();
        AuditEventType type = switch (decision.verdict()) {
            case CARRY_OUT, REPORT_ONLY -> AuditEventType.REMEDIATION_PROPOSED;
            case SKIP -> AuditEventType.REMEDIATION_SKIPPED;
            case RATE_LIMITED, IN_COOLDOWN -> AuditEventType.RATE_LIMITED;
        };
        AuditEvent.Builder event = AuditEvent.builder(AuditEvent.HEAL, type, proposal.subject(), proposal.reason()).remediation(proposal.kind())
                .mode(decision.mode()).outcome(decision.explanation());
        decision.retryAtEpochMs().ifPresent(retryAt -> event.after(AuditValue.of(Map.of("verdict", decision.verdict().wireName(), "retry-at",
                Instant.ofEpochMilli(retryAt).toString()))));
        return event;
    }

    /** The {@code policy-loaded} event of {@code policy}, its {@link HealPolicy#summary()} as {@code after}, by {@code actor}. */
    public static AuditEvent.Builder policyLoaded(HealPolicy policy, String actor, String why) {
        return AuditEvent.builder(actor, AuditEventType.POLICY_LOADED, "heal-policy", why).mode(policy.mode()).after(AuditValue.of(policy.summary()))
                .outcome("in force: mode " + policy.mode().wireName() + " from " + policy.source());
    }
}
