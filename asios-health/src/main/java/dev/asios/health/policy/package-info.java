/**
 * The heal policy: the operator's limits on self-healing. A {@link dev.asios.health.policy.HealPolicy}
 * (the built-in one, or a YAML file over it, checked up front with file, line and field in every
 * error) says the mode (off, dry-run, enforce) and, for each
 * {@link dev.asios.health.policy.RemediationKind}, whether it is enabled, its rate limits, cooldown
 * and settings. A {@link dev.asios.health.policy.HealGate} answers each proposed remediation with a
 * {@link dev.asios.health.policy.Decision}: carry out, report only, skip, or refuse until when;
 * its {@link dev.asios.health.policy.RateLimiter} remembers the recent actions.
 */
package dev.asios.health.policy;
