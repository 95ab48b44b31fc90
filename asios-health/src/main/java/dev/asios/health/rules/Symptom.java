package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import dev.asios.host.findings.Severity;
import java.util.Map;
import java.util.Optional;

/**
 * What a rule saw wrong in one check, before hysteresis decides whether it is a finding.
 * Immutable.
 *
 * @param subject what is affected, {@code kind/entity} like the signal groups: {@code cpu/3},
 *     {@code gpu/0}, {@code host}
 * @param instance which of several problems of one subject, such as {@code irq/24} or
 *     {@code task/1234}; empty when a subject has one
 * @param severity how bad it is
 * @param evidence what was seen, in words with the numbers
 * @param remediation the remediation id that would address it ({@link RemediationKind}), if any
 * @param details the facts a remediation needs, by name ({@code pid}, {@code irq}, {@code cpu},
 *     {@code path}), as text
 */
public record Symptom(String subject, String instance, Severity severity, String evidence, Optional<RemediationKind> remediation,
        Map<String, String> details) {

    /**
     * Copies the details.
     *
     * @throws IllegalArgumentException if the subject or the evidence is blank
     */
    public Symptom {
        if (subject.isBlank() || evidence.isBlank()) {
            throw new IllegalArgumentException("a symptom needs a subject and evidence, given '" + subject + "' and '" + evidence + "'");
        }
        details = Map.copyOf(details);
    }

    /** The symptom's key for hysteresis: the subject, and the instance if any. */
    public String key() {
        return instance.isEmpty() ? subject : subject + " " + instance;
    }
}
