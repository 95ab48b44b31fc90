/**
 * Restarting what keeps failing: the doubling {@link dev.asios.observe.restart.Backoff} between
 * restarts, and the {@link dev.asios.observe.restart.RestartPermit} that the eBPF probe supervisor
 * and the collector loop ask before each restart, so that a layer above (the agent, under its heal
 * policy) can decide, rate limit and report restarts without the observe layer knowing of it.
 */
package dev.asios.observe.restart;
