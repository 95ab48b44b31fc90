/**
 * Signals: what the health layer watches, as groups of named values per entity, one observation
 * per collection round, derived from the metric registry (counters become per-second rates,
 * latency histograms their p50 and p99 over the round). {@link dev.asios.health.signal.SignalExtractor}
 * makes them; {@link dev.asios.health.signal.SignalNames} names them.
 */
package dev.asios.health.signal;
