package dev.asios.agent.store;

import dev.asios.observe.metric.MetricKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A series the store has samples of, as its family defined it when last recorded.
 *
 * @param key the series key, as Prometheus prints it: {@code asios_cpu_seconds_total{cpu="0",mode="user"}}
 *     (a histogram's without {@code _bucket})
 * @param family the family's base name, without {@code _total}
 * @param kind counter, gauge or histogram
 * @param unit the base unit the name ends with, if any
 * @param help the family's one-sentence help
 * @param labels the label names and values, in the family's order
 * @param upperBounds a histogram's bucket upper bounds, the last {@code +Inf}; empty for other kinds
 */
public record SeriesInfo(String key, String family, MetricKind kind, Optional<String> unit, String help, Map<String, String> labels,
        List<Double> upperBounds) {

    /** Copies the collections. */
    public SeriesInfo {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        upperBounds = List.copyOf(upperBounds);
    }

    /** The family's name as a scrape shows it: with {@code _total} for a counter. */
    public String exposedFamily() {
        return kind == MetricKind.COUNTER ? family + "_total" : family;
    }

    /** Whether the series has every label of {@code filter} with the same value. */
    public boolean matches(Map<String, String> filter) {
        return filter.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
