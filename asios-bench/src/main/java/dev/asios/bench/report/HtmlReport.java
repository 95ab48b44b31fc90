package dev.asios.bench.report;

import dev.asios.bench.TargetResult;
import dev.asios.bench.ab.AbResult;

/**
 * The report of a whole {@code asios bench} run as one self-contained HTML page: inline CSS and
 * SVG charts, no script, no external asset, so it reads offline and prints. It holds the host,
 * each target's section (or each A/B section) and, when the run stopped early, why.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#1d1d1f;line-height:1.4}
            h1{margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1em;margin:1.2em 0 .3em}
            table{border-collapse:collapse;margin:.8em 0;font-size:.9em}th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left}
            td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
            .row{display:flex;flex-wrap:wrap;gap:1.5em;align-items:center}figure{margin:0}
            .ratio{font-size:2.4em;font-weight:600;margin:0}.verdict{max-width:22em}
            .missing,.stopped{background:#fff4e5;border-left:4px solid #e8912d;padding:.4em .8em}
            code{background:#f3f3f3;padding:.1em .3em;word-break:break-all}dd{margin:.2em 0 .5em 1.5em}
            details{margin:.5em 0}summary{cursor:pointer;font-weight:600}
            svg text{font-family:system-ui,sans-serif;font-size:11px;fill:#333}svg .axis-label{font-weight:600}
            .grid{stroke:#e6e6e6}.axis,.baseline{stroke:#555}.baseline{stroke-width:1.5}.whisker{stroke:#222;stroke-width:1.5}
            .dot{fill:#111;fill-opacity:.75}.bar.probe,.s0{fill:#3b6fb6;stroke:#3b6fb6}.bar.reference,.s1{fill:#e8912d;stroke:#e8912d}
            .s2{fill:#7b52b8;stroke:#7b52b8}.s3{fill:#3a9d5d;stroke:#3a9d5d}.bar.untuned{fill:#9a9a9a}.bar.tuned{fill:#2f9e6b}.bar{stroke:none}
            .bucket{fill-opacity:.45;stroke-opacity:.9;stroke-width:.5}.mark{stroke-dasharray:4 3;stroke-width:1.5;fill:none}
            svg text.mark-label{stroke:none;font-size:10px}
            .swatch{margin-right:.4em;vertical-align:middle;opacity:.7}
            """;

    private HtmlReport() {
    }

    /** The page of {@code run}. */
    static String page(BenchRun run) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>asios bench report</title><style>\n").append(STYLE).append("</style></head><body>\n<h1>asios bench</h1>");
        host(html, run);
        run.stoppedBy().ifPresent(why -> html.append("<p class=\"stopped\"><b>The run stopped early:</b> ").append(HtmlText.escape(why))
                .append("<br>This page holds what was measured before it stopped.</p>"));
        if (run.results().isEmpty() && run.abResults().isEmpty()) {
            html.append("<p>Nothing was measured.</p>");
        }
        for (TargetResult result : run.results()) {
            openSection(html, result.target().cliName(), result.target().cliName() + ": " + result.probe().metric() + " (" + result.probe().unit()
                    + ", " + TargetSection.direction(result.probe().direction()) + ")");
            TargetSection.append(html, result);
            html.append("</section>\n");
        }
        for (AbResult ab : run.abResults()) {
            openSection(html, ab.target().cliName(), ab.target().cliName() + ": untuned against " + ab.profile() + ", " + ab.baseline().size() + " pairs");
            AbSection.append(html, ab);
            html.append("</section>\n");
        }
        html.append("<p><small>The same numbers as JSON: <a href=\"results.json\">results.json</a>, as <code>asios bench --json</code> prints them.")
                .append("</small></p>\n</body></html>\n");
        return html.toString();
    }

    private static void host(StringBuilder html, BenchRun run) {
        html.append("<table class=\"host\"><tbody>");
        row(html, "CPU", run.host().cpu());
        row(html, "memory", run.host().memory());
        row(html, "kernel", run.host().kernel());
        row(html, "virtualization", run.host().virtualization());
        if (!run.abResults().isEmpty()) {
            row(html, "profile", run.abResults().getFirst().profile());
        }
        html.append("</tbody></table>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(name).append("</th><td>").append(HtmlText.escape(value)).append("</td></tr>");
    }

    private static void openSection(StringBuilder html, String id, String heading) {
        html.append("<section id=\"").append(HtmlText.escape(id)).append("\"><h2>").append(HtmlText.escape(heading)).append("</h2>");
    }
}
