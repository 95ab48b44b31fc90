/**
 * The metric registry: families of counters, gauges and histograms with Prometheus names and
 * labels, series handles that collectors set without allocating, and the exposition in the
 * Prometheus text format and OpenMetrics.
 */
package dev.asios.observe.metric;
