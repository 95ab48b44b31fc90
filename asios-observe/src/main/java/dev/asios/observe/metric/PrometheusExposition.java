package dev.asios.observe.metric;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Writes a {@link MetricRegistry} in the Prometheus text format (0.0.4, by
 * {@link PrometheusTextWriter}) or OpenMetrics 1.0 (through the Prometheus Java client's writer,
 * so its suffixes, units and {@code # EOF} follow the format exactly). A family with no series
 * that has a value yet is left out.
 *
 * <p>Thread-safe; every call takes a fresh snapshot of the registry.
 */
public final class PrometheusExposition {

    private final MetricRegistry registry;

    /** Exposes {@code registry}. */
    public PrometheusExposition(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The format a scrape gets, chosen from its {@code Accept} header. */
    public enum Format {
        /** {@code text/plain; version=0.0.4}, the default. */
        PROMETHEUS_TEXT(PrometheusTextFormatWriter.create()),
        /** {@code application/openmetrics-text; version=1.0.0}, when the scraper asks for it. */
        OPEN_METRICS(OpenMetricsTextFormatWriter.create());

        private final ExpositionFormatWriter writer;

        Format(ExpositionFormatWriter writer) {
            this.writer = writer;
        }

        /** The {@code Content-Type} of the response. */
        public String contentType() {
            return writer.getContentType();
        }

        /** OpenMetrics if {@code acceptHeader} names it, the Prometheus text format otherwise. */
        public static Format forAccept(String acceptHeader) {
            return acceptHeader != null && OPEN_METRICS.writer.accepts(acceptHeader) ? OPEN_METRICS : PROMETHEUS_TEXT;
        }
    }

    /**
     * Writes every family with a value.
     *
     * @throws IOException as {@code out} throws it
     */
    public void write(OutputStream out, Format format) throws IOException {
        if (format == Format.PROMETHEUS_TEXT) {
            StringBuilder text = new StringBuilder(32 * 1024);
            PrometheusTextWriter.write(registry, text);
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            format.writer.write(out, snapshots(), EscapingScheme.ALLOW_UTF8);
        }
    }

    private MetricSnapshots snapshots() {
        MetricSnapshots.Builder all = MetricSnapshots.builder();
        for (MetricFamily family : registry.families()) {
            snapshot(family).ifPresent(all::metricSnapshot);
        }
        return all.build();
    }

    private static Optional<MetricSnapshot> snapshot(MetricFamily family) {
        return switch (family.kind()) {
            case COUNTER -> counter(family);
            case GAUGE -> gauge(family);
            case HISTOGRAM -> histogram(family);
        };
    }

    private static Optional<MetricSnapshot> counter(MetricFamily family) {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(family.name()).help(family.help());
        family.unit().map(Unit::new).ifPresent(builder::unit);
        int points = 0;
        for (Series s : family.allSeries()) {
            double value = s.value();
            if (!Double.isNaN(value)) {
                builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).labels(labels(family, s.labelValues())).build());
                points++;
            }
        }
        return points == 0 ? Optional.empty() : Optional.of(builder.build());
    }

    private static Optional<MetricSnapshot> gauge(MetricFamily family) {
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(family.name()).help(family.help());
        family.unit().map(Unit::new).ifPresent(builder::unit);
        int points = 0;
        for (Series s : family.allSeries()) {
            double value = s.value();
            if (!Double.isNaN(value)) {
                builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).labels(labels(family, s.labelValues())).build());
                points++;
            }
        }
        return points == 0 ? Optional.empty() : Optional.of(builder.build());
    }

    private static Optional<MetricSnapshot> histogram(MetricFamily family) {
        HistogramSnapshot.Builder builder = HistogramSnapshot.builder().name(family.name()).help(family.help());
        family.unit().map(Unit::new).ifPresent(builder::unit);
        int points = 0;
        for (HistogramSeries s : family.allHistograms()) {
            Optional<HistogramValue> value = s.snapshot();
            if (value.isPresent()) {
                HistogramValue h = value.get();
                builder.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(h.upperBounds(), h.counts()))
                        .sum(h.sum())
                        .labels(labels(family, s.labelValues()))
                        .build());
                points++;
            }
        }
        return points == 0 ? Optional.empty() : Optional.of(builder.build());
    }

    private static Labels labels(MetricFamily family, List<String> values) {
        return Labels.of(family.labelNames(), values);
    }
}
