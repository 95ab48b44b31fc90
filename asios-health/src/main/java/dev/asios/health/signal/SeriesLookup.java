package dev.asios.health.signal;

import dev.asios.observe.metric.HistogramSeries;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricKind;
import dev.asios.observe.metric.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of some families as they are now, looked up by label values: made when the groups of
 * a kind are built, never per round. A family that is not registered has no series. Not
 * thread-safe; short-lived.
 */
final class SeriesLookup {

    private final Map<String, MetricFamily> families;
    private final Map<String, Map<String, List<Series>>> scalarsByFirstLabel = new HashMap<>();
    private final Map<String, Map<List<String>, HistogramSeries>> histograms = new HashMap<>();

    /** Looks in {@code families}, by name; a name mapped to null is a family not registered. */
    SeriesLookup(Map<String, MetricFamily> families) {
        this.families = families;
    }

    /** The distinct first label values of a family's counter or gauge series, in the family's order. */
    List<String> firstLabels(String family) {
        return List.copyOf(byFirstLabel(family).keySet());
    }

    /** The counter or gauge series whose first label is {@code first}, in the family's order. */
    List<Series> withFirstLabel(String family, String first) {
        return byFirstLabel(family).getOrDefault(first, List.of());
    }

    /** The first counter or gauge series whose first label is {@code first}, or null. */
    Series firstWithFirstLabel(String family, String first) {
        List<Series> series = withFirstLabel(family, first);
        return series.isEmpty() ? null : series.getFirst();
    }

    /** The counter or gauge series with exactly these label values, or null. */
    Series series(String family, String... labelValues) {
        List<String> wanted = Arrays.asList(labelValues);
        String first = labelValues.length == 0 ? "" : labelValues[0];
        for (Series s : withFirstLabel(family, first)) {
            if (s.labelValues().equals(wanted)) {
                return s;
            }
        }
        return null;
    }

    /** The histogram series with exactly these label values, or null. */
    HistogramSeries histogram(String family, String... labelValues) {
        return histograms.computeIfAbsent(family, name -> {
            Map<List<String>, HistogramSeries> byLabels = new HashMap<>();
            MetricFamily f = families.get(name);
            if (f != null && f.kind() == MetricKind.HISTOGRAM) {
                for (HistogramSeries h : f.allHistograms()) {
                    byLabels.put(h.labelValues(), h);
                }
            }
            return byLabels;
        }).get(Arrays.asList(labelValues));
    }

    private Map<String, List<Series>> byFirstLabel(String family) {
        return scalarsByFirstLabel.computeIfAbsent(family, name -> {
            Map<String, List<Series>> grouped = new LinkedHashMap<>();
            MetricFamily f = families.get(name);
            if (f != null && f.kind() != MetricKind.HISTOGRAM) {
                for (Series s : f.allSeries()) {
                    String first = s.labelValues().isEmpty() ? "" : s.labelValues().getFirst();
                    grouped.computeIfAbsent(first, k -> new ArrayList<>()).add(s);
                }
            }
            return grouped;
        });
    }
}
