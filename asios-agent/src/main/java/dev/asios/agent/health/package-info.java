/**
 * The agent's health loop: after each collection round it turns the metrics into signals, checks
 * the known-cause rules, and lets the healer act on what they find within the operator's heal
 * policy, recording every finding and action in the audit log.
 */
package dev.asios.agent.health;
