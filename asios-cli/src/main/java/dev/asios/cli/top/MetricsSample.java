package dev.asios.cli.top;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One answer of the agent's {@code /api/v1/metrics}, indexed for the terminal view: values by
 * metric name and labels, histograms as their cumulative bucket counts. Immutable.
 */
final class MetricsSample {

    private final long timeMs;
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, long[]> histograms = new LinkedHashMap<>();
    private final Map<String, double[]> bounds = new LinkedHashMap<>();
    private final Map<String, List<Map<String, String>>> labelsByName = new LinkedHashMap<>();

    private MetricsSample(long timeMs) {
        this.timeMs = timeMs;
    }

    /** Reads the API's document. */
    static MetricsSample of(JsonNode document) {
        MetricsSample sample = new MetricsSample(document.path("time").asLong());
        for (JsonNode family : document.path("metrics")) {
            String name = family.path("name").asText();
            List<Map<String, String>> labelSets = new ArrayList<>();
            for (JsonNode series : family.path("series")) {
                Map<String, String> labels = labels(series.path("labels"));
                labelSets.add(labels);
                String key = key(name, labels);
                if (series.has("buckets")) {
                    JsonNode buckets = series.path("buckets");
                    long[] counts = new long[buckets.size()];
                    double[] les = new double[buckets.size()];
                    for (int i = 0; i < buckets.size(); i++) {
                        counts[i] = buckets.get(i).path("count").asLong();
                        les[i] = buckets.get(i).path("le").isNumber() ? buckets.get(i).path("le").asDouble() : Double.POSITIVE_INFINITY;
                    }
                    sample.histograms.put(key, counts);
                    sample.bounds.put(name, les);
                } else {
                    sample.values.put(key, series.path("value").asDouble());
                }
            }
            sample.labelsByName.put(name, labelSets);
        }
        return sample;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            labels.put(field.getKey(), field.getValue().asText());
        }
        return labels;
    }

    // Label order differs between the API's documents and the callers' maps: key by sorted labels.
    private static String key(String name, Map<String, String> labels) {
        return name + new TreeMap<>(labels);
    }

    long timeMs() {
        return timeMs;
    }

    /** The value of one series, if present. */
    Optional<Double> value(String name, Map<String, String> labels) {
        return Optional.ofNullable(values.get(key(name, labels)));
    }

    /** The cumulative bucket counts of one histogram series, if present. */
    Optional<long[]> histogram(String name, Map<String, String> labels) {
        return Optional.ofNullable(histograms.get(key(name, labels)));
    }

    /** A histogram family's bucket upper bounds, if present. */
    Optional<double[]> bounds(String name) {
        return Optional.ofNullable(bounds.get(name));
    }

    /** The label sets of a family's series. */
    List<Map<String, String>> series(String name) {
        return labelsByName.getOrDefault(name, List.of());
    }

    /** The distinct values of one label across a family's series, numbers in numeric order. */
    List<String> labelValues(String name, String label) {
        TreeSet<String> set = new TreeSet<>((a, b) -> {
            boolean na = a.chars().allMatch(Character::isDigit) && !a.isEmpty();
            boolean nb = b.chars().allMatch(Character::isDigit) && !b.isEmpty();
            return na && nb ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
        });
        for (Map<String, String> labels : series(name)) {
            if (labels.containsKey(label)) {
                set.add(labels.get(label));
            }
        }
        return List.copyOf(set);
    }
}
