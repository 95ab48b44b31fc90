package dev.asios.agent.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.agent.store.RecordedRound;
import dev.asios.agent.store.RecordedSample;
import dev.asios.agent.store.SeriesInfo;
import dev.asios.observe.metric.HistogramSeries;
import dev.asios.observe.metric.HistogramValue;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricKind;
import dev.asios.observe.metric.Series;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metric families as JSON, for {@code /api/v1/metrics} (current values) and {@code /api/v1/rounds}
 * (recorded rounds, in the same shape): per family its
 * name (as exposed), kind, unit and help, and per series its labels and value; histograms give
 * their buckets, count, sum and the bucket bounds holding p50, p90 and p99.
 */
final class MetricsJson {

    private final ObjectMapper mapper;

    MetricsJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode family(MetricFamily family, Map<String, String> match) {
        ObjectNode node = header(family.exposedName(), family.kind(), family.unit(), family.help());
        ArrayNode series = node.putArray("series");
        switch (family.kind()) {
            case COUNTER, GAUGE -> {
                for (Series s : family.allSeries()) {
                    if (matches(family, s.labelValues(), match) && !Double.isNaN(s.value())) {
                        point(series, family, s.labelValues()).put("value", s.value());
                    }
                }
            }
            case HISTOGRAM -> {
                for (HistogramSeries s : family.allHistograms()) {
                    Optional<HistogramValue> value = s.snapshot();
                    if (matches(family, s.labelValues(), match) && value.isPresent()) {
                        histogram(point(series, family, s.labelValues()), value.get());
                    }
                }
            }
        }
        return node;
    }

    /** Recorded rounds, each as {@code {time, metrics}} with the families in the shape of {@link #family}. */
    ArrayNode rounds(List<RecordedRound> rounds) {
        ArrayNode list = mapper.createArrayNode();
        for (RecordedRound round : rounds) {
            ObjectNode node = list.addObject().put("time", round.tsMs());
            ArrayNode families = node.putArray("metrics");
            Map<String, ArrayNode> seriesByFamily = new LinkedHashMap<>();
            for (RecordedSample sample : round.samples()) {
                SeriesInfo info = sample.series();
                ArrayNode series = seriesByFamily.computeIfAbsent(info.exposedFamily(), name -> {
                    ObjectNode family = header(name, info.kind(), info.unit(), info.help());
                    families.add(family);
                    return family.putArray("series");
                });
                ObjectNode point = series.addObject();
                point.set("labels", labels(info.labels()));
                sample.histogram().ifPresentOrElse(h -> histogram(point, h), () -> point.put("value", sample.value()));
            }
        }
        return list;
    }

    private ObjectNode header(String exposedName, MetricKind kind, Optional<String> unit, String help) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", exposedName);
        node.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        node.put("unit", unit.orElse(null));
        node.put("help", help);
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

    /** A new series object in {@code series} with the labels of {@code values} of {@code family}. */
    private ObjectNode point(ArrayNode series, MetricFamily family, List<String> values) {
        ObjectNode labels = mapper.createObjectNode();
        for (int i = 0; i < values.size(); i++) {
            labels.put(family.labelNames().get(i), values.get(i));
        }
        ObjectNode point = series.addObject();
        point.set("labels", labels);
        return point;
    }

    private ObjectNode labels(Map<String, String> labels) {
        ObjectNode node = mapper.createObjectNode();
        labels.forEach(node::put);
        return node;
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
