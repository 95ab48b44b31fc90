/**
 * The audit log: every detection and action of the agent, and every operator action, as an
 * append-only, hash-chained JSON-lines file in the agent's state folder. An
 * {@link dev.asios.health.audit.AuditLog} appends {@link dev.asios.health.audit.AuditEvent}s
 * durably, rotates by size, and on open finds a changed or cut log and a torn last line
 * ({@link dev.asios.health.audit.AuditLogCheck}), recording them rather than refusing to start; an
 * {@link dev.asios.health.audit.AuditReader} reads it filtered by an
 * {@link dev.asios.health.audit.AuditQuery} for the API and {@code asios events}.
 */
package dev.asios.health.audit;
