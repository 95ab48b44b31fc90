package dev.asios.health.heal;

import dev.asios.health.policy.RemediationKind;

/**
 * One action the healer may carry out on one subject. It is built with everything it needs, so
 * a dry run can {@link #describe} it without touching the host; {@link #apply} changes the host
 * through the tune layer's journal. Implementations are not thread-safe: the healer applies one
 * remediation at a time.
 */
public interface Remediation {

    /** The kind of action, as the heal policy names it. */
    RemediationKind kind();

    /** What it acts on: {@code irq/24}, {@code gpu/0000:3b:00.0}, {@code tuning}. */
    String subject();

    /** What it would do, in one line, for dry-run reports and the audit log. */
    String describe();

    /**
     * Carries it out. Never throws for a change the host refuses: that is a problem in the result.
     *
     * @throws IllegalStateException if the journal cannot be written (nothing is changed then)
     */
    RemediationResult apply();
}
