package dev.asios.bench.report;

import dev.asios.bench.Direction;
import dev.asios.bench.Distribution;
import dev.asios.bench.Measurement;
import dev.asios.bench.Summary;
import dev.asios.bench.TargetResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One target's result as HTML: the chart of probe and reference medians with the ratio beside it,
 * every measurement's raw samples in a table, each method and exact command, and a histogram of
 * each latency metric. All text from the result is escaped.
 */
final class TargetSection {

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./=:,+%@-]+");

    private TargetSection() {
    }

    /** Appends the section's body (without a heading) to {@code html}. */
    static void append(StringBuilder html, TargetResult result) {
        Measurement probe = result.probe();
        List<SvgBarChart.Bar> bars = new ArrayList<>();
        bars.add(new SvgBarChart.Bar(probe.tool(), "probe", probe.samples()));
        result.reference().ifPresent(r -> bars.add(new SvgBarChart.Bar(r.tool(), "reference", r.samples())));
        html.append("<div class=\"row\"><figure>").append(SvgBarChart.svg(probe.metric() + ", " + probe.unit(), bars, 0)).append("</figure>");
        html.append("<div class=\"verdict\">");
        if (result.ratioToReference().isPresent()) {
            html.append("<p class=\"ratio\">").append(String.format(Locale.ROOT, "%.3f", result.ratioToReference().getAsDouble())).append("</p><p>")
                    .append(HtmlText.escape(probe.tool() + " / " + result.reference().orElseThrow().tool()))
                    .append(": the probe's median over the reference's</p>");
        }
        result.referenceMissing().ifPresent(why -> html.append("<p class=\"missing\">No reference: ").append(HtmlText.escape(why)).append("</p>"));
        html.append("<p>").append(direction(probe.direction())).append("; bars are medians, whiskers min to max, dots each round</p></div></div>");
        List<Measurement> all = Stream.concat(Stream.concat(Stream.of(probe), result.reference().stream()), result.extra().stream()).toList();
        samples(html, all);
        methods(html, all);
        histograms(html, result.distributions());
    }

    /** How the numbers of {@code direction} get better, as a phrase. */
    static String direction(Direction direction) {
        return direction == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better";
    }

    /** The words of a command as a shell line: words with characters the shell would read are single-quoted. */
    static String shellLine(List<String> words) {
        return String.join(" ", words.stream().map(w -> PLAIN_WORD.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'").toList());
    }

    private static void samples(StringBuilder html, List<Measurement> measurements) {
        int rounds = measurements.stream().mapToInt(m -> m.samples().size()).max().orElse(0);
        html.append("<h3>Raw samples</h3><table class=\"samples\"><thead><tr><th>tool</th><th>metric</th><th>unit</th><th>median</th><th>min</th><th>max</th>");
        for (int r = 1; r <= rounds; r++) {
            html.append("<th>#").append(r).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Measurement m : measurements) {
            Summary s = m.summary();
            html.append("<tr><td>").append(HtmlText.escape(m.tool())).append("</td><td>").append(HtmlText.escape(m.metric())).append("</td><td>")
                    .append(HtmlText.escape(m.unit())).append("</td>");
            Stream.concat(Stream.of(s.median(), s.min(), s.max()), m.samples().stream())
                    .forEach(v -> html.append("<td class=\"num\">").append(BenchTable.number(v)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    /** Each distinct method and command once, with the measurements it made. */
    private static void methods(StringBuilder html, List<Measurement> measurements) {
        Map<List<String>, List<String>> byMethod = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            byMethod.computeIfAbsent(List.of(m.method(), shellLine(m.command())), k -> new ArrayList<>()).add(m.tool() + " " + m.metric());
        }
        html.append("<h3>How it was measured</h3><dl class=\"methods\">");
        byMethod.forEach((method, names) -> html.append("<dt>").append(HtmlText.escape(String.join(", ", names))).append("</dt><dd>method: ")
                .append(HtmlText.escape(method.get(0))).append("</dd><dd>command: <code>").append(HtmlText.escape(method.get(1))).append("</code></dd>"));
        html.append("</dl>");
    }

    /** One histogram per metric and unit, the tools that measured it overlaid, with their percentiles in a table. */
    private static void histograms(StringBuilder html, List<Distribution> distributions) {
        Map<List<String>, List<Distribution>> byMetric = new LinkedHashMap<>();
        distributions.stream().filter(d -> !d.buckets().isEmpty())
                .forEach(d -> byMetric.computeIfAbsent(List.of(d.metric(), d.unit()), k -> new ArrayList<>()).add(d));
        for (List<Distribution> series : byMetric.values()) {
            Distribution first = series.getFirst();
            html.append("<h3>").append(HtmlText.escape("Histogram of " + first.metric() + " (" + first.unit() + "), all rounds")).append("</h3><figure>")
                    .append(SvgHistogram.svg(series)).append("</figure>");
            html.append("<table class=\"percentiles\"><thead><tr><th>tool</th><th>samples</th>");
            SvgHistogram.MARKS.forEach(p -> html.append("<th>p").append(Scale.label(p)).append("</th>"));
            html.append("<th>max</th></tr></thead><tbody>");
            for (int s = 0; s < series.size(); s++) {
                Distribution d = series.get(s);
                html.append("<tr><td><svg class=\"swatch\" width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" class=\"s").append(s)
                        .append("\"/></svg>").append(HtmlText.escape(d.tool())).append("</td><td class=\"num\">")
                        .append(d.count()).append("</td>");
                SvgHistogram.MARKS.forEach(p -> html.append("<td class=\"num\">").append(Scale.label(BucketPercentiles.valueAt(d, p))).append("</td>"));
                html.append("<td class=\"num\">").append(Scale.label(d.buckets().getLast().from())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
    }
}
