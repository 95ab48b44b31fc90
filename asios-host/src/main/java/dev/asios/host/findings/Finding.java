package dev.asios.host.findings;

import java.util.List;

/**
 * Something on a host that hurts AI work, with its evidence and its fix. Immutable.
 *
 * @param id stable identifier (kebab case, for example {@code numa-balancing-on}); scripts may key on it
 * @param severity how much it hurts
 * @param title one line saying what is wrong on this host
 * @param evidence the files and values read that show it
 * @param why why it matters for AI work
 * @param fixes ways to mend it, best first
 */
public record Finding(String id, Severity severity, String title, List<Evidence> evidence, String why, List<Fix> fixes) {

    /** Creates an immutable copy. */
    public Finding {
        evidence = List.copyOf(evidence);
        fixes = List.copyOf(fixes);
    }
}
