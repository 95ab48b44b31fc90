package dev.asios.health.audit;

import java.util.List;

/**
 * The events a query read.
 *
 * @param events the events, in the query's order
 * @param more whether more events matched than the limit let through
 * @param unreadableLines lines skipped because they are not audit events (damage), among the lines the query read
 */
public record AuditPage(List<AuditEvent> events, boolean more, long unreadableLines) {

    /** Copies the list. */
    public AuditPage {
        events = List.copyOf(events);
    }
}
