/**
 * Remediations: what the healer may do to the host, each carried out through the tune layer's
 * {@code PlanExecutor} (or its {@code Repair}), so the original state is journaled before the
 * change and {@code asios tune rollback} undoes it. A remediation describes what it would do
 * (for dry-run) and reports what it did: the state before and after, and problems.
 */
package dev.asios.health.heal;
