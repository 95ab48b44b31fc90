package dev.asios.observe.metric;

import java.util.List;

/**
 * One labelled series of a counter or gauge family. A collector creates it once through
 * {@link MetricFamily#series(String...)}, keeps the handle and calls {@link #set(double)} every
 * interval, which allocates nothing.
 *
 * <p>Thread-safe: one collector writes, any thread reads; a value is a volatile double.
 * {@link Double#NaN} means "no value yet" and is not exposed.
 */
public final class Series {

    private final MetricFamily family;
    private final List<String> labelValues;
    private final String key;
    private volatile double value = Double.NaN;

    Series(MetricFamily family, List<String> labelValues, String key) {
        this.family = family;
        this.labelValues = labelValues;
        this.key = key;
    }

    /** The family this series belongs to. */
    public MetricFamily family() {
        return family;
    }

    /** The label values, in the order of the family's label names. */
    public List<String> labelValues() {
        return labelValues;
    }

    /**
     * The series' identity as Prometheus prints it, such as
     * {@code asios_cpu_seconds_total{cpu="0",mode="user"}}; stable across restarts, so the store
     * keys samples by it.
     */
    public String key() {
        return key;
    }

    /** Sets the current value. */
    public void set(double newValue) {
        value = newValue;
    }

    /** The current value, or NaN if none was set yet. */
    public double value() {
        return value;
    }
}
