package dev.asios.bench.report;

import dev.asios.bench.Measurement;
import dev.asios.bench.Summary;
import dev.asios.bench.TargetResult;
import dev.asios.bench.ab.AbResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One target's A/B result as HTML: tuned/untuned ratios per pair (median bar, a dot per pair, a line
 * at 1.0), untuned and tuned medians side by side, the pairs in a table, the notes, and each run in
 * full behind a fold. All text from the result is escaped.
 */
final class AbSection {

    private AbSection() {
    }

    /** Appends the section's body (without a heading) to {@code html}. */
    static void append(StringBuilder html, AbResult ab) {
        Measurement probe = ab.baseline().getFirst().probe();
        Optional<String> referenceTool = ab.baseline().stream().flatMap(r -> r.reference().stream()).map(Measurement::tool).findFirst();
        List<SvgBarChart.Bar> ratios = new ArrayList<>(List.of(new SvgBarChart.Bar(probe.tool(), "tuned", ab.probeRatios())));
        List<SvgBarChart.Bar> medians = new ArrayList<>(List.of(new SvgBarChart.Bar(probe.tool() + "\nuntuned", "untuned", medians(ab.baseline(), r -> Stream.of(r.probe()))),
                new SvgBarChart.Bar(probe.tool() + "\n" + ab.profile(), "tuned", medians(ab.tuned(), r -> Stream.of(r.probe())))));
        if (!ab.referenceRatios().isEmpty()) {
            String tool = referenceTool.orElseThrow();
            ratios.add(new SvgBarChart.Bar(tool, "tuned", ab.referenceRatios()));
            medians.add(new SvgBarChart.Bar(tool + "\nuntuned", "untuned", medians(ab.baseline(), r -> r.reference().stream())));
            medians.add(new SvgBarChart.Bar(tool + "\n" + ab.profile(), "tuned", medians(ab.tuned(), r -> r.reference().stream())));
        }
        html.append("<div class=\"row\"><figure>").append(SvgBarChart.svg("tuned / untuned", ratios, 1.0)).append("</figure><figure>")
                .append(SvgBarChart.svg(probe.metric() + ", " + probe.unit(), medians, 0)).append("</figure></div>");
        html.append("<p>").append(ratioLine(probe.tool(), ab.probeRatios()));
        if (!ab.referenceRatios().isEmpty()) {
            html.append("<br>").append(ratioLine(referenceTool.orElseThrow(), ab.referenceRatios()));
        }
        html.append("<br>").append(TargetSection.direction(probe.direction())).append(": a ratio below 1.0 means the tuned host measured less</p>");
        pairs(html, ab, probe.tool(), referenceTool);
        if (!ab.notes().isEmpty()) {
            html.append("<ul class=\"notes\">");
            ab.notes().forEach(note -> html.append("<li>").append(HtmlText.escape(note)).append("</li>"));
            html.append("</ul>");
        }
        for (int i = 0; i < ab.baseline().size(); i++) {
            run(html, "pair " + (i + 1) + ", untuned", ab.baseline().get(i));
            run(html, "pair " + (i + 1) + ", " + ab.profile(), ab.tuned().get(i));
        }
    }

    private static String ratioLine(String tool, List<Double> ratios) {
        Summary s = Summary.of(ratios);
        return HtmlText.escape(tool) + String.format(Locale.ROOT, ", tuned/untuned: median <b>%.3f</b> (min %.3f, max %.3f) over %d pairs", s.median(),
                s.min(), s.max(), s.count());
    }

    private static void pairs(StringBuilder html, AbResult ab, String probeTool, Optional<String> referenceTool) {
        List<Double> probeRatios = ab.probeRatios();
        html.append("<table class=\"pairs\"><thead><tr><th>pair</th><th>").append(HtmlText.escape(probeTool + " untuned")).append("</th><th>")
                .append(HtmlText.escape(probeTool + " " + ab.profile())).append("</th><th>ratio</th>");
        referenceTool.ifPresent(tool -> html.append("<th>").append(HtmlText.escape(tool + " untuned")).append("</th><th>")
                .append(HtmlText.escape(tool + " " + ab.profile())).append("</th><th>ratio</th>"));
        html.append("</tr></thead><tbody>");
        for (int i = 0; i < ab.baseline().size(); i++) {
            TargetResult untuned = ab.baseline().get(i);
            TargetResult tuned = ab.tuned().get(i);
            html.append("<tr><td>").append(i + 1).append("</td>").append(cell(untuned.probe().summary().median()))
                    .append(cell(tuned.probe().summary().median())).append(String.format(Locale.ROOT, "<td class=\"num\">%.3f</td>", probeRatios.get(i)));
            if (referenceTool.isPresent()) {
                Optional<Double> u = untuned.reference().map(m -> m.summary().median());
                Optional<Double> t = tuned.reference().map(m -> m.summary().median());
                html.append(u.map(AbSection::cell).orElse("<td>none</td>")).append(t.map(AbSection::cell).orElse("<td>none</td>"));
                html.append(u.isPresent() && t.isPresent() ? String.format(Locale.ROOT, "<td class=\"num\">%.3f</td>", t.get() / u.get()) : "<td></td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private static void run(StringBuilder html, String title, TargetResult result) {
        html.append("<details><summary>").append(HtmlText.escape(title)).append("</summary>");
        TargetSection.append(html, result);
        html.append("</details>");
    }

    private static String cell(double value) {
        return "<td class=\"num\">" + BenchTable.number(value) + "</td>";
    }

    /** The median of each run's measurement that {@code measurement} picks, where the run has it. */
    private static List<Double> medians(List<TargetResult> runs, Function<TargetResult, Stream<Measurement>> measurement) {
        return runs.stream().flatMap(measurement).map(m -> m.summary().median()).toList();
    }
}
