package dev.asios.host.findings;

import java.util.List;

/**
 * The fixed parts of a rule (id, severity, why it matters) in one place, so each rule states only
 * its check. Subclasses stay stateless.
 */
abstract class BaseRule implements Rule {

    private final String id;
    private final Severity severity;
    private final String why;

    BaseRule(String id, Severity severity, String why) {
        this.id = id;
        this.severity = severity;
        this.why = why;
    }

    @Override
    public final String id() {
        return id;
    }

    /** A finding of this rule with the given title, evidence and fixes. */
    final Finding finding(String title, List<Evidence> evidence, Fix... fixes) {
        return finding(severity, title, evidence, fixes);
    }

    /** A finding of this rule at another severity than the default (for example worse on bigger hosts). */
    final Finding finding(Severity actual, String title, List<Evidence> evidence, Fix... fixes) {
        return new Finding(id, actual, title, evidence, why, List.of(fixes));
    }
}
