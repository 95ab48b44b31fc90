package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import dev.asios.host.findings.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A known cause that held long enough to be reported: what a rule found, since when, and what
 * would address it. Immutable.
 *
 * @param ruleId the rule that found it, such as {@code swap-in-storm}
 * @param subject what is affected: {@code cpu/3}, {@code gpu/0}, {@code host}
 * @param instance which of several problems of the subject ({@code irq/24}), or empty
 * @param severity how bad it is, from the latest bad check
 * @param evidence what was seen in the latest bad check, in words with the numbers
 * @param startedAtMs the round of the first bad check of the streak that made it a finding, in
 *     epoch milliseconds
 * @param endedAtMs the round it cleared, absent while it is active
 * @param remediation the remediation id that would address it ({@link RemediationKind}), if any
 * @param details the facts a remediation needs, by name
 */
public record RuleFinding(String ruleId, String subject, String instance, Severity severity, String evidence, long startedAtMs,
        OptionalLong endedAtMs, Optional<RemediationKind> remediation, Map<String, String> details) {

    /** Copies the details. */
    public RuleFinding {
        details = Map.copyOf(details);
    }

    /** A finding made of a rule's symptom, started at {@code startedAtMs}. */
    static RuleFinding of(String ruleId, Symptom symptom, long startedAtMs) {
        return new RuleFinding(ruleId, symptom.subject(), symptom.instance(), symptom.severity(), symptom.evidence(), startedAtMs,
                OptionalLong.empty(), symptom.remediation(), symptom.details());
    }

    /** A stable id: rule, subject and instance, such as {@code irq-on-isolated-cpu:cpu/3:irq/24}. */
    public String id() {
        return ruleId + ":" + subject + (instance.isEmpty() ? "" : ":" + instance);
    }

    /** True while it has not cleared. */
    public boolean active() {
        return endedAtMs.isEmpty();
    }

    /** This finding, cleared at {@code epochMs}. */
    RuleFinding endedAt(long epochMs) {
        return new RuleFinding(ruleId, subject, instance, severity, evidence, startedAtMs, OptionalLong.of(epochMs), remediation, details);
    }
}
