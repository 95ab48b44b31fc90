/**
 * Known-cause rules, checked each round next to the learned detector: thermal and power
 * throttling, GPU ECC and XID events, swap-in storms, memory pressure stalls, run-queue latency,
 * tasks and IRQs on isolated CPUs, and tuning drift. Each rule reports symptoms; the
 * {@link dev.asios.health.rules.RuleEngine} makes findings of them with the rule's hysteresis,
 * each naming the remediation that would address it
 * ({@link dev.asios.health.policy.RemediationKind}), which the heal policy decides on.
 */
package dev.asios.health.rules;
