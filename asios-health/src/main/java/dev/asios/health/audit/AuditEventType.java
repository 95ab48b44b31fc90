package dev.asios.health.audit;

import dev.asios.health.policy.KebabCase;
import java.util.Optional;

/**
 * What an audit event records. The names ({@link #wireName()}) are stable: they are written in the
 * log and filtered on by {@code asios events --type}.
 */
public enum AuditEventType {

    /** The agent started: its version and settings. */
    AGENT_STARTED,

    /** The agent stopped in order. */
    AGENT_STOPPED,

    /** A heal policy was loaded or reloaded: its mode and rules. */
    POLICY_LOADED,

    /** A detector or rule found an anomaly on a subject: grade, attribution, expected and observed values. */
    ANOMALY_STARTED,

    /** An anomaly ended: how long it lasted. */
    ANOMALY_ENDED,

    /** A finding that is not an anomaly: a forecast of exhaustion, a known-cause rule that fired. */
    FINDING,

    /** A remediation was proposed and the policy allowed it: carried out next (enforce) or only reported (dry-run). */
    REMEDIATION_PROPOSED,

    /** A remediation was carried out: before, after, and the reference that undoes it. */
    REMEDIATION_APPLIED,

    /** A remediation was tried and failed: why, and what was left as it was. */
    REMEDIATION_FAILED,

    /** A remediation was undone, by the agent or an operator. */
    REMEDIATION_UNDONE,

    /** A remediation was proposed and skipped: healing off, or the remediation disabled. */
    REMEDIATION_SKIPPED,

    /** A remediation was refused for now: a rate limit used up, or its subject in cooldown; until when. */
    RATE_LIMITED,

    /** An adaptive trial started: the setting changed for a measured window, with the baseline it must beat. */
    TRIAL_STARTED,

    /** An adaptive trial beat its baseline by the margin: the setting stays; the numbers of both windows. */
    TRIAL_KEPT,

    /** An adaptive trial was reverted: not better by the margin, or void because the load changed; the numbers of both windows. */
    TRIAL_REVERTED,

    /** The audit log itself was found damaged on open: where its hash chain breaks, or what a torn last line lost. */
    LOG_DAMAGED;

    /** The name in the log and the API: {@code anomaly-started}, {@code rate-limited}, ... */
    public String wireName() {
        return KebabCase.of(this);
    }

    /** The type named {@code name} exactly as {@link #wireName()} spells it, if any. */
    public static Optional<AuditEventType> fromWireName(String name) {
        return KebabCase.parse(AuditEventType.class, name);
    }
}
