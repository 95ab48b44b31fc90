package dev.asios.health.rules;

import java.util.List;

/**
 * What the known-cause rules found in one round. Immutable.
 *
 * @param epochMs the round, in epoch milliseconds
 * @param active every finding active after this round, by rule in the engine's order
 * @param started the findings that became active this round (also in {@code active})
 * @param cleared the findings that cleared this round, with their end
 * @param failures the rules whose check failed this round; their findings stay as they were
 */
public record RuleReport(long epochMs, List<RuleFinding> active, List<RuleFinding> started, List<RuleFinding> cleared,
        List<RuleFailure> failures) {

    /** Copies the lists. */
    public RuleReport {
        active = List.copyOf(active);
        started = List.copyOf(started);
        cleared = List.copyOf(cleared);
        failures = List.copyOf(failures);
    }

    /**
     * A rule whose check failed.
     *
     * @param ruleId the rule
     * @param message why, as the rule's exception said it
     */
    public record RuleFailure(String ruleId, String message) {
    }
}
