package dev.asios.health.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Decides proposed remediations under a {@link HealPolicy}, in the order the built-in policy file
 * documents: mode off or kind disabled, skip; in cooldown or over a limit, refuse until when it
 * clears; otherwise carry out (enforce) or report only (dry-run). A dry-run report counts against
 * the limits as the action would, so dry-run shows what enforce would do. Thread-safe; a gate for a
 * reloaded policy ({@link #withPolicy}) keeps the memory of past actions.
 */
public final class HealGate {

    private final HealPolicy policy;
    private final RateLimiter limiter;

    /** A gate with no past actions. */
    public HealGate(HealPolicy policy) {
        this(policy, new RateLimiter());
    }

    /** A gate that counts actions in {@code limiter}. */
    public HealGate(HealPolicy policy, RateLimiter limiter) {
        this.policy = policy;
        this.limiter = limiter;
    }

    /** The policy it decides under. */
    public HealPolicy policy() {
        return policy;
    }

    /** A gate for {@code newPolicy} that remembers this gate's past actions. */
    public HealGate withPolicy(HealPolicy newPolicy) {
        return new HealGate(newPolicy, limiter);
    }

    /** Decides {@code proposal} at {@code nowEpochMs} (ms since the epoch). */
    public Decision decide(Proposal proposal, long nowEpochMs) {
        RemediationRule rule = policy.rule(proposal.kind());
        String action = proposal.kind().wireName() + " on " + proposal.subject();
        if (policy.mode() == HealMode.OFF) {
            return decision(proposal, Decision.Verdict.SKIP, nowEpochMs, 0, false, "healing is off; " + action + " skipped");
        }
        if (!rule.enabled()) {
            return decision(proposal, Decision.Verdict.SKIP, nowEpochMs, 0, false,
                    proposal.kind().wireName() + " is disabled in the heal policy (" + policy.source() + "); " + action + " skipped");
        }
        RateLimiter.Admission admission = limiter.admit(rule, proposal.subject(), nowEpochMs);
        long retryAt = admission.retryAtEpochMs();
        String until = "; next allowed at " + Instant.ofEpochMilli(retryAt) + " (in " + roundedUp(retryAt - nowEpochMs) + ")";
        return switch (admission.outcome()) {
            case ADMITTED -> policy.mode() == HealMode.ENFORCE
                    ? decision(proposal, Decision.Verdict.CARRY_OUT, nowEpochMs, 0, false, "enforce: carry out " + action)
                    : decision(proposal, Decision.Verdict.REPORT_ONLY, nowEpochMs, 0, false, "dry-run: would carry out " + action + "; nothing changed");
            case COOLDOWN -> decision(proposal, Decision.Verdict.IN_COOLDOWN, nowEpochMs, retryAt, admission.repeated(),
                    action + " refused: in cooldown, " + DurationText.format(rule.cooldown()) + " after the last action on " + proposal.subject() + until);
            case SUBJECT_LIMIT -> decision(proposal, Decision.Verdict.RATE_LIMITED, nowEpochMs, retryAt, admission.repeated(),
                    action + " refused: rate limited to " + rule.perSubject() + " per subject" + until);
            case OVERALL_LIMIT -> decision(proposal, Decision.Verdict.RATE_LIMITED, nowEpochMs, retryAt, admission.repeated(),
                    action + " refused: " + proposal.kind().wireName() + " is rate limited to " + rule.overall() + " overall" + until);
        };
    }

    private Decision decision(Proposal proposal, Decision.Verdict verdict, long nowEpochMs, long retryAt, boolean repeated, String explanation) {
        OptionalLong retry = retryAt == 0 ? OptionalLong.empty() : OptionalLong.of(retryAt);
        return new Decision(proposal, verdict, policy.mode(), nowEpochMs, retry, repeated, explanation);
    }

    private static String roundedUp(long ms) {
        return DurationText.format(Duration.ofSeconds(Math.ceilDiv(Math.max(0, ms), 1000)));
    }
}
