package dev.asios.health.audit;

import java.util.List;
import java.util.Optional;

/**
 * What opening the audit log found: how much it read, where its hash chain breaks (the breaks not
 * already recorded by an earlier {@code log-damaged} event), and the torn last line it cut, if
 * any. When {@link #damaged()}, the log also holds a {@code log-damaged} event that says the same.
 *
 * @param linesRead the lines read across all files
 * @param lastSequence the highest event number read, 0 for an empty log
 * @param newBreaks the breaks found that no earlier {@code log-damaged} event records, in file order
 * @param knownBreaks how many breaks found were already recorded
 * @param tornLine what the cut last line held, when one was cut
 */
public record AuditLogCheck(long linesRead, long lastSequence, List<ChainBreak> newBreaks, int knownBreaks, Optional<String> tornLine) {

    /** Copies the list. */
    public AuditLogCheck {
        newBreaks = List.copyOf(newBreaks);
    }

    /** Whether opening found new damage: a new break or a torn line. */
    public boolean damaged() {
        return !newBreaks.isEmpty() || tornLine.isPresent();
    }
}
