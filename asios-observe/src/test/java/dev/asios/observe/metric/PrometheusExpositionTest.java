package dev.asios.observe.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrometheusExpositionTest {

    private final MetricRegistry registry = new MetricRegistry();

    private String scrape(PrometheusExposition.Format format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusExposition(registry).write(out, format);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesCountersGaugesAndHistogramsInTheTextFormat() throws Exception {
        registry.counter("asios_cpu_seconds", "CPU time by mode.", "seconds", "cpu", "mode").series("1", "user").set(12.5);
        registry.counter("asios_cpu_seconds", "CPU time by mode.", "seconds", "cpu", "mode").series("0", "user").set(3);
        registry.gauge("asios_memory_free_bytes", "Free memory.", "bytes", "node").series("0").set(1024);
        registry.gauge("asios_unset", "Never set.", null).series();
        registry.histogram("asios_runqueue_latency_seconds", "Run-queue latency.", "seconds", new double[] {1e-6, 2e-6}, "cpu")
                .histogram("0").set(new long[] {3, 2, 1}, 0.5);

        String text = scrape(PrometheusExposition.Format.PROMETHEUS_TEXT);

        assertThat(text).contains("# TYPE asios_cpu_seconds_total counter")
                .contains("asios_cpu_seconds_total{cpu=\"0\",mode=\"user\"} 3.0")
                .contains("asios_memory_free_bytes{node=\"0\"} 1024.0")
                .contains("asios_runqueue_latency_seconds_bucket{cpu=\"0\",le=\"1.0E-6\"} 3")
                .contains("asios_runqueue_latency_seconds_bucket{cpu=\"0\",le=\"+Inf\"} 6")
                .contains("asios_runqueue_latency_seconds_count{cpu=\"0\"} 6")
                .doesNotContain("asios_unset");
        assertThat(text.indexOf("cpu=\"0\",mode")).isLessThan(text.indexOf("cpu=\"1\",mode"));
    }

    @Test
    void escapesHelpAndLabelValuesAndPassesPromtool() throws Exception {
        registry.gauge("asios_path_info", "Paths, with a back\\slash\nand a new line.", null, "path").series("a\"b\\c\nd").set(Double.POSITIVE_INFINITY);
        registry.gauge("asios_nan", "Not a number.", null).series().set(Double.NaN);
        registry.histogram("asios_wait_seconds", "A histogram without labels.", "seconds", new double[] {0.5}).histogram().set(new long[] {1, 2}, 1.5);
        String text = scrape(PrometheusExposition.Format.PROMETHEUS_TEXT);
        assertThat(text).contains("# HELP asios_path_info Paths, with a back\\\\slash\\nand a new line.\n")
                .contains("asios_path_info{path=\"a\\\"b\\\\c\\nd\"} +Inf")
                .contains("asios_wait_seconds_bucket{le=\"0.5\"} 1\n").contains("asios_wait_seconds_bucket{le=\"+Inf\"} 3\n")
                .contains("asios_wait_seconds_sum 1.5").contains("asios_wait_seconds_count 3")
                .doesNotContain("asios_nan");
        java.nio.file.Path promtool = java.nio.file.Path.of("/usr/bin/promtool");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(promtool), "promtool (Debian package prometheus) is not installed");
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
    }

    @Test
    void openMetricsEndsWithEof() throws Exception {
        registry.gauge("asios_up", "1 while the agent runs.", null).series().set(1);
        assertThat(scrape(PrometheusExposition.Format.OPEN_METRICS)).contains("asios_up 1.0").endsWith("# EOF\n");
        assertThat(PrometheusExposition.Format.forAccept("application/openmetrics-text; version=1.0.0")).isEqualTo(PrometheusExposition.Format.OPEN_METRICS);
        assertThat(PrometheusExposition.Format.forAccept("*/*")).isEqualTo(PrometheusExposition.Format.PROMETHEUS_TEXT);
        assertThat(PrometheusExposition.Format.forAccept(null)).isEqualTo(PrometheusExposition.Format.PROMETHEUS_TEXT);
    }

    @Test
    void refusesNamesAndDefinitionsThatBreakTheConventions() {
        assertThatThrownBy(() -> registry.counter("asios_x_total", "x", null)).hasMessageContaining("without _total");
        assertThatThrownBy(() -> registry.gauge("asios_x", "x", "bytes")).hasMessageContaining("end with its unit");
        assertThatThrownBy(() -> registry.gauge("asios-x", "x", null)).hasMessageContaining("not a Prometheus name");
        assertThatThrownBy(() -> registry.gauge("asios_x", "x", null, "le")).hasMessageContaining("label name 'le'");
        registry.gauge("asios_y", "y", null, "a");
        assertThatThrownBy(() -> registry.gauge("asios_y", "y", null, "b")).hasMessageContaining("already registered");
        assertThatThrownBy(() -> registry.gauge("asios_y", "y", null, "a").series("1", "2")).hasMessageContaining("takes labels [a]");
        assertThatThrownBy(() -> registry.histogram("asios_h", "h", null, new double[] {2, 1})).hasMessageContaining("ascending");
    }

    @Test
    void seriesKeysEscapeLabelValuesAndHistogramsGiveQuantiles() {
        Series s = registry.gauge("asios_g", "g", null, "path").series("a\"b\\c");
        assertThat(s.key()).isEqualTo("asios_g{path=\"a\\\"b\\\\c\"}");
        HistogramValue h = new HistogramValue(new double[] {1, 2, 4, Double.POSITIVE_INFINITY}, new long[] {50, 40, 9, 1}, 0);
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.quantileUpperBound(0.5)).isEqualTo(1);
        assertThat(h.quantileUpperBound(0.9)).isEqualTo(2);
        assertThat(h.quantileUpperBound(0.99)).isEqualTo(4);
        assertThat(h.quantileUpperBound(1.0)).isEqualTo(4);
        assertThat(new HistogramValue(new double[] {1}, new long[] {0}, 0).quantileUpperBound(0.5)).isNaN();
    }
}
