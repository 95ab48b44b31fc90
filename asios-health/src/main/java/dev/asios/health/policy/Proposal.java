package dev.asios.health.policy;

import java.util.Objects;

/**
 * A remediation a detector or rule proposes, before the policy decides on it.
 *
 * @param kind the remediation
 * @param subject what it acts on, in the form the audit log uses: {@code cpu/3}, {@code irq/42},
 *     {@code run/train-7}, {@code sysctl vm.swappiness}; rate limits and cooldowns are per subject
 * @param reason the evidence in words ("pid 4242 (stress-ng) ran 93% of cpu/3 over the last 5 s")
 */
public record Proposal(RemediationKind kind, String subject, String reason) {

    /**
     * Checks the values.
     *
     * @throws NullPointerException if one is null
     * @throws IllegalArgumentException if the subject or the reason is blank
     */
    public Proposal {
        Objects.requireNonNull(kind, "kind");
        if (subject.isBlank() || reason.isBlank()) {
            throw new IllegalArgumentException("a proposed " + kind.wireName() + " needs a subject and a reason, given '" + subject + "', '" + reason + "'");
        }
    }
}
