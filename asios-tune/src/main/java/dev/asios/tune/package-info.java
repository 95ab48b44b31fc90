/**
 * The tuning layer: profiles become plans of changes to the host, applied by one executor that
 * journals every original value before it writes, verifies each change, and rolls back in
 * reverse order, also after a crash.
 */
package dev.asios.tune;
