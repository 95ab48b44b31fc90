package dev.asios.observe.collect;

import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.List;

/** Reads what collectors set in a registry, for tests. */
public final class Scrape {

    private final MetricRegistry registry;

    /** Reads {@code registry}. */
    public Scrape(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The value of the series of family {@code name} with these label values, or NaN if it has none. */
    public double value(String name, String... labelValues) {
        List<String> wanted = List.of(labelValues);
        return family(name).allSeries().stream().filter(s -> s.labelValues().equals(wanted)).mapToDouble(Series::value).findFirst()
                .orElse(Double.NaN);
    }

    /** The first label value of every series of family {@code name}, in the family's order. */
    public List<String> labels(String name) {
        return family(name).allSeries().stream().map(s -> s.labelValues().getFirst()).toList();
    }

    private MetricFamily family(String name) {
        return registry.family(name).orElseThrow(() -> new AssertionError("no family " + name));
    }
}
