package dev.asios.health.heal;

import java.util.List;

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

    /** Whether every change took. */
    public boolean succeeded() {
        return problems.isEmpty();
    }
}
