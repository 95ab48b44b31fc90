package dev.asios.health.heal;

import dev.asios.tune.apply.Outcome;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a remediation did to the host.
 *
 * @param before the state it found, in words ({@code /proc/irq/24/smp_affinity_list: 0-3})
 * @param after the state it left, in words
 * @param problems what failed, one line each; empty when everything took
 * @param undo how an operator undoes it ({@code asios tune rollback})
 */
public record RemediationResult(String before, String after, List<String> problems, String undo) {

    /** Copies the list. */
    public RemediationResult {
        problems = List.copyOf(problems);
    }

    /** The result of changes the tune layer's executor made: each file's new value, or why it failed. */
    static RemediationResult of(String before, List<Outcome> outcomes, String undo) {
        String after = outcomes.stream().map(o -> o.path() + ": " + (o.ok() ? o.value() : "unchanged")).collect(Collectors.joining("; "));
        List<String> problems = outcomes.stream().filter(o -> !o.ok()).map(o -> o.path() + ": " + o.error().orElseThrow()).toList();
        return new RemediationResult(before, after, problems, undo);
    }

    /** Whether every change took. */
    public boolean succeeded() {
        return problems.isEmpty();
    }
}
