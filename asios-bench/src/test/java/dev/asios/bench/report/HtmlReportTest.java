package dev.asios.bench.report;

import static dev.asios.bench.report.ReportFixtures.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final String PAGE = HtmlReport.page(new BenchRun(HOST, List.of(ReportFixtures.jitter()), List.of(), Optional.empty()));

    @Test
    void thePageStandsAloneWithoutScriptsOrFetches() {
        assertThat(PAGE).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">", "<style>")
                .doesNotContain("<script", "src=", "href=\"http", "@import", "url(");
    }

    @Test
    void aTargetHasItsBarChartTheRatioAndBothHistograms() {
        List<String> images = SvgElements.images(PAGE);

        assertThat(images).filteredOn(svg -> !SvgElements.find(svg, "rect", "bar").isEmpty()).singleElement()
                .satisfies(bars -> assertThat(SvgElements.find(bars, "circle", "dot")).hasSize(6));
        assertThat(images).filteredOn(svg -> !SvgElements.find(svg, "line", "mark").isEmpty()).singleElement()
                .satisfies(histogram -> assertThat(histogram).contains("asios p99: 3 us", "cyclictest p99: 4 us"));
        assertThat(PAGE).contains("<p class=\"ratio\">1.014</p>", "asios / cyclictest");
    }

    @Test
    void theHostKernelMethodsAndCommandsAreWrittenOutWithUserTextEscaped() {
        assertThat(PAGE).contains("x86_64, Test CPU &lt;v2&gt;, 2 online CPUs", "<th>kernel</th><td>6.8.0-test</td>", "asios wake-ups every 1000 us on CPU 1",
                "command: <code>cyclictest --affinity=1</code>",
                "<code>asios bench jitter --cpus 1 --note &#39;&lt;script&gt;alert(&#39;\\&#39;&#39;x&#39;\\&#39;&#39;)&lt;/script&gt; &amp; more&#39;</code>");
    }

    @Test
    void rawSamplesAreInATableRoundByRound() {
        assertThat(PAGE).contains("<th>#1</th><th>#2</th><th>#3</th>",
                "<td>asios</td><td>p99 wake-up latency</td><td>us</td><td class=\"num\">75.00</td><td class=\"num\">70.00</td><td class=\"num\">80.00</td>"
                        + "<td class=\"num\">80.00</td><td class=\"num\">70.00</td><td class=\"num\">75.00</td>");
        assertThat(PAGE).contains("<td class=\"num\">100</td><td class=\"num\">1</td><td class=\"num\">3</td><td class=\"num\">10</td>");
    }

    @Test
    void aMissingReferenceSaysWhy() {
        TargetResult alone = new TargetResult(Target.JITTER, ReportFixtures.PROBE, Optional.empty(), Optional.of("cyclictest is not installed <apt>"),
                List.of());

        String page = HtmlReport.page(new BenchRun(HOST, List.of(alone), List.of(), Optional.empty()));

        assertThat(page).contains("No reference: cyclictest is not installed &lt;apt&gt;").doesNotContain("class=\"ratio\"");
    }

    @Test
    void aRunThatStoppedEarlySaysWhy() {
        String page = HtmlReport.page(new BenchRun(HOST, List.of(), List.of(), Optional.of("--cpus 4000: no such CPU")));

        assertThat(page).contains("The run stopped early:</b> --cpus 4000: no such CPU", "Nothing was measured.");
    }

    @Test
    void anAbRunHasTheRatioChartWithALineAtOneTheMediansSideBySideAndTheNotes() {
        String page = HtmlReport.page(new BenchRun(HOST, List.of(), List.of(ReportFixtures.ab()), Optional.empty()));

        List<String> images = SvgElements.images(page);
        String ratios = images.stream().filter(svg -> svg.contains("aria-label=\"tuned / untuned")).findFirst().orElseThrow();
        assertThat(SvgElements.find(ratios, "circle", "dot")).extracting(SvgElements::title)
                .containsExactly("asios, #1: 0.80", "asios, #2: 0.90", "cyclictest, #1: 0.50", "cyclictest, #2: 1.00");
        assertThat(SvgElements.find(ratios, "line", "baseline")).hasSize(1);
        String medians = images.get(images.indexOf(ratios) + 1);
        assertThat(SvgElements.find(medians, "rect", "bar")).extracting(SvgElements::title).containsExactly(
                "asios untuned: median 75.00 (min 75.00, max 75.00)", "asios training: median 63.75 (min 60.00, max 67.50)",
                "cyclictest untuned: median 74.00 (min 74.00, max 74.00)", "cyclictest training: median 55.50 (min 37.00, max 74.00)");
        assertThat(page).contains("<th>profile</th><td>training</td>", "asios, tuned/untuned: median <b>0.850</b> (min 0.800, max 0.900) over 2 pairs",
                "<li>not applied: /sys/kernel/mm/transparent_hugepage/enabled: &lt;read-only&gt;</li>", "<summary>pair 2, training</summary>");
    }
}
