package dev.asios.observe.metric;

import java.util.List;
import java.util.Optional;

/**
 * Writes a registry in the Prometheus text format 0.0.4 into a {@link StringBuilder}: one pass,
 * no snapshot objects. The client library's writer spends most of a scrape escaping help texts
 * one character at a time through a locked writer (5 ms for 300 samples here, more than
 * node-exporter's whole scrape), so the format every scraper reads by default is written here;
 * OpenMetrics still goes through the client library. The output is checked with
 * {@code promtool check metrics} in the tests.
 *
 * <p>Format: {@code # HELP}/{@code # TYPE} per family, then one line per sample with labels in
 * the family's order; histograms as cumulative {@code _bucket{le=...}}, {@code _sum},
 * {@code _count}. Values as {@link Double#toString}, {@code +Inf}, {@code -Inf}, {@code NaN}.
 */
final class PrometheusTextWriter {

    private PrometheusTextWriter() {
    }

    /** Appends every family of {@code registry} that has a value. */
    static void write(MetricRegistry registry, StringBuilder out) {
        for (MetricFamily family : registry.families()) {
            if (family.kind() == MetricKind.HISTOGRAM) {
                histograms(family, out);
            } else {
                scalars(family, out);
            }
        }
    }

    private static void scalars(MetricFamily family, StringBuilder out) {
        boolean headed = false;
        for (Series series : family.allSeries()) {
            double value = series.value();
            if (Double.isNaN(value)) {
                continue;
            }
            if (!headed) {
                header(family, family.exposedName(), out);
                headed = true;
            }
            sample(out, family.exposedName(), family.labelNames(), series.labelValues(), null, format(value));
        }
    }

    private static void histograms(MetricFamily family, StringBuilder out) {
        boolean headed = false;
        for (HistogramSeries series : family.allHistograms()) {
            Optional<HistogramValue> snapshot = series.snapshot();
            if (snapshot.isEmpty()) {
                continue;
            }
            if (!headed) {
                header(family, family.name(), out);
                headed = true;
            }
            HistogramValue h = snapshot.get();
            long cumulative = 0;
            for (int i = 0; i < h.counts().length; i++) {
                cumulative += h.counts()[i];
                sample(out, family.name() + "_bucket", family.labelNames(), series.labelValues(), format(h.upperBounds()[i]), Long.toString(cumulative));
            }
            sample(out, family.name() + "_sum", family.labelNames(), series.labelValues(), null, format(h.sum()));
            sample(out, family.name() + "_count", family.labelNames(), series.labelValues(), null, Long.toString(cumulative));
        }
    }

    private static void header(MetricFamily family, String name, StringBuilder out) {
        out.append("# HELP ").append(name).append(' ');
        for (int i = 0; i < family.help().length(); i++) {
            char c = family.help().charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        out.append("\n# TYPE ").append(name).append(' ').append(family.kind().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
    }

    private static void sample(StringBuilder out, String name, List<String> labelNames, List<String> labelValues, String le, String value) {
        out.append(name);
        if (!labelNames.isEmpty() || le != null) {
            out.append('{');
            for (int i = 0; i < labelNames.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labelNames.get(i)).append("=\"");
                escapeLabel(labelValues.get(i), out);
                out.append('"');
            }
            if (le != null) {
                out.append(labelNames.isEmpty() ? "" : ",").append("le=\"").append(le).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    /** Appends a label value with backslashes, double quotes and new lines escaped, as the format wants. */
    static void escapeLabel(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    private static String format(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        return Double.isNaN(value) ? "NaN" : Double.toString(value);
    }
}
