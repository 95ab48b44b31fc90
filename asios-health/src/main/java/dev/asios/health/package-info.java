/**
 * The health layer: it watches what the observe layer collects, finds anomalies (learned and
 * known-cause), forecasts exhaustion, and decides remediations within an operator's policy,
 * carried out through the tune layer's executor and the run layer's launcher so that every
 * action is journaled and can be undone.
 */
package dev.asios.health;
