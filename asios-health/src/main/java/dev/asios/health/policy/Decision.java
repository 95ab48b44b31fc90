package dev.asios.health.policy;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the policy answered to a {@link Proposal}.
 *
 * @param proposal what was proposed
 * @param verdict carry it out, report it only, skip it, or refuse it for now
 * @param mode the mode the policy was in
 * @param decidedAtEpochMs when it was decided, ms since the epoch
 * @param retryAtEpochMs for a refusal ({@link Verdict#RATE_LIMITED}, {@link Verdict#IN_COOLDOWN}):
 *     the earliest time the same proposal can be allowed; empty otherwise
 * @param repeated for a refusal: whether the same kind and subject were already refused with the
 *     same retry time, so that a caller may leave the repeat out of the audit log
 * @param explanation the decision in one sentence, with the limit and the time it names
 */
public record Decision(Proposal proposal, Verdict verdict, HealMode mode, long decidedAtEpochMs, OptionalLong retryAtEpochMs, boolean repeated,
        String explanation) {

    /** The answers a policy gives. */
    public enum Verdict {

        /** Enforce mode, within the limits: carry the remediation out. */
        CARRY_OUT,

        /** Dry-run mode, within the limits: report what would be done, change nothing. */
        REPORT_ONLY,

        /** Healing is off, or this remediation is disabled: nothing to do or report. */
        SKIP,

        /** A rate limit is used up: refused until {@link Decision#retryAtEpochMs()}. */
        RATE_LIMITED,

        /** The subject's last action is more recent than the cooldown: refused until {@link Decision#retryAtEpochMs()}. */
        IN_COOLDOWN;

        /** The verdict's name in the audit log and the API: {@code carry-out}, {@code report-only}, ... */
        public String wireName() {
            return KebabCase.of(this);
        }
    }

    /**
     * Checks that a refusal, and only a refusal, has a retry time.
     *
     * @throws IllegalArgumentException otherwise
     */
    public Decision {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(explanation, "explanation");
        boolean refusal = verdict == Verdict.RATE_LIMITED || verdict == Verdict.IN_COOLDOWN;
        if (refusal != retryAtEpochMs.isPresent()) {
            throw new IllegalArgumentException("a " + verdict.wireName() + " decision " + (refusal ? "needs" : "has no") + " retry time");
        }
    }

    /** Whether the remediation is to be carried out now. */
    public boolean carryOut() {
        return verdict == Verdict.CARRY_OUT;
    }

    /** Whether it was refused for now: rate limited or in cooldown. */
    public boolean refused() {
        return verdict == Verdict.RATE_LIMITED || verdict == Verdict.IN_COOLDOWN;
    }
}
