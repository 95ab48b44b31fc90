package dev.asios.observe.metric;

/** What a metric family's values mean, as Prometheus types them. */
public enum MetricKind {
    /** A value that only goes up (until the source restarts), such as CPU seconds; exposed with {@code _total}. */
    COUNTER,
    /** A value that goes up and down, such as free memory. */
    GAUGE,
    /** Counts of observations in buckets with fixed upper bounds, their sum and count. */
    HISTOGRAM
}
