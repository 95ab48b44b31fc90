package dev.asios.observe.gpu;

import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.PrometheusExposition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What a test's registry holds: one series' value, or the text a Prometheus scrape gets. */
final class RegistryView {

    private final MetricRegistry registry;

    RegistryView(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The value of the series of {@code family} (base name) with {@code labels}; NaN if never set. */
    double value(String family, String... labels) {
        return registry.family(family).orElseThrow().series(labels).value();
    }

    /** The registry in the Prometheus text format. */
    String scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusExposition(registry).write(out, PrometheusExposition.Format.PROMETHEUS_TEXT);
        return out.toString(StandardCharsets.UTF_8);
    }
}
