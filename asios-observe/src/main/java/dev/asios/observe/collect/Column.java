package dev.asios.observe.collect;

import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricKind;
import dev.asios.observe.metric.MetricRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The definition of one column of a {@link SeriesRow}: a counter or gauge family, registered once
 * with the row's label names. Immutable.
 *
 * @param kind counter or gauge
 * @param name the family's base name (a counter's without {@code _total})
 * @param help one sentence on what it measures
 * @param unit the base unit the name ends with, or null
 */
public record Column(MetricKind kind, String name, String help, String unit) {

    /** Refuses histograms, which a row does not hold. */
    public Column {
        if (kind == MetricKind.HISTOGRAM) {
            throw new IllegalArgumentException(name + ": a series row holds counters and gauges, not histograms");
        }
    }

    /** A counter column. */
    public static Column counter(String name, String help, String unit) {
        return new Column(MetricKind.COUNTER, name, help, unit);
    }

    /** A gauge column. */
    public static Column gauge(String name, String help, String unit) {
        return new Column(MetricKind.GAUGE, name, help, unit);
    }

    /**
     * Registers the family of every column, in order, with {@code labelNames}.
     *
     * @throws IllegalArgumentException as {@link MetricRegistry#counter} does
     */
    public static List<MetricFamily> registerAll(MetricRegistry registry, List<Column> columns, String... labelNames) {
        List<MetricFamily> families = new ArrayList<>();
        for (Column c : columns) {
            families.add(c.kind == MetricKind.COUNTER
                    ? registry.counter(c.name, c.help, c.unit, labelNames)
                    : registry.gauge(c.name, c.help, c.unit, labelNames));
        }
        return List.copyOf(families);
    }
}
