package dev.asios.agent.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.observe.metric.HistogramSeries;
import dev.asios.observe.metric.HistogramValue;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.Series;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current value of metric families as JSON, for {@code /api/v1/metrics}: per family its
 * name (as exposed), kind, unit and help, and per series its labels and value; histograms give
 * their buckets, count, sum and the bucket bounds holding p50, p90 and p99.
 */
final class MetricsJson {

    private final ObjectMapper mapper;

    MetricsJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode family(MetricFamily family, Map<String, String> match) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", family.exposedName());
        node.put("kind", family.kind().name().toLowerCase(java.util.Locale.ROOT));
        node.put("unit", family.unit().orElse(null));
        node.put("help", family.help());
        ArrayNode series = node.putArray("series");
        switch (family.kind()) {
            case COUNTER, GAUGE -> {
                for (Series s : family.allSeries()) {
                    if (matches(family, s.labelValues(), match) && !Double.isNaN(s.value())) {
                        ObjectNode point = series.addObject();
                        point.set("labels", labels(family, s.labelValues()));
                        point.put("value", s.value());
                    }
                }
            }
            case HISTOGRAM -> {
                for (HistogramSeries s : family.allHistograms()) {
                    Optional<HistogramValue> value = s.snapshot();
                    if (matches(family, s.labelValues(), match) && value.isPresent()) {
                        ObjectNode point = series.addObject();
                        point.set("labels", labels(family, s.labelValues()));
                        histogram(point, value.get());
                    }
                }
            }
        }
        return node;
    }

    private void histogram(ObjectNode point, HistogramValue value) {
        point.put("count", value.count());
        point.put("sum", value.sum());
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            double bound = value.quantileUpperBound(q);
            String field = "p" + Math.round(q * 100);
            if (Double.isNaN(bound)) {
                point.putNull(field);
            } else {
                point.put(field, bound);
            }
        }
        ArrayNode buckets = point.putArray("buckets");
        double[] bounds = value.upperBounds();
        long[] counts = value.counts();
        for (int i = 0; i < bounds.length; i++) {
            ObjectNode bucket = buckets.addObject();
            if (Double.isInfinite(bounds[i])) {
                bucket.put("le", "+Inf");
            } else {
                bucket.put("le", bounds[i]);
            }
            bucket.put("count", counts[i]);
        }
    }

    private ObjectNode labels(MetricFamily family, List<String> values) {
        ObjectNode labels = mapper.createObjectNode();
        for (int i = 0; i < values.size(); i++) {
            labels.put(family.labelNames().get(i), values.get(i));
        }
        return labels;
    }

    private static boolean matches(MetricFamily family, List<String> values, Map<String, String> match) {
        for (Map.Entry<String, String> wanted : match.entrySet()) {
            int index = family.labelNames().indexOf(wanted.getKey());
            if (index < 0 || !values.get(index).equals(wanted.getValue())) {
                return false;
            }
        }
        return true;
    }
}
