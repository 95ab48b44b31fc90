package dev.asios.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgBarChartTest {

    @Test
    void aMedianTwiceAsLargeIsABarTwiceAsTall() {
        String svg = SvgBarChart.svg("MB/s", List.of(new SvgBarChart.Bar("asios", "probe", List.of(9.0, 10.0, 11.0)),
                new SvgBarChart.Bar("stream", "reference", List.of(20.0, 19.0, 21.0))), 0);

        List<Element> bars = SvgElements.find(svg, "rect", "bar");
        assertThat(bars).hasSize(2);
        double probe = SvgElements.number(bars.get(0), "height");
        double reference = SvgElements.number(bars.get(1), "height");
        assertThat(reference).isCloseTo(2 * probe, within(0.2));
        assertThat(SvgElements.number(bars.get(0), "y") + probe).isEqualTo(SvgElements.number(bars.get(1), "y") + reference);
    }

    @Test
    void everySampleIsADotInRoundOrderAndTheWhiskerSpansMinToMax() {
        String svg = SvgBarChart.svg("us", List.of(new SvgBarChart.Bar("asios", "probe", List.of(80.0, 70.0, 75.0))), 0);

        List<Element> dots = SvgElements.find(svg, "circle", "dot");
        assertThat(dots).extracting(SvgElements::title).containsExactly("asios, #1: 80.00", "asios, #2: 70.00", "asios, #3: 75.00");
        assertThat(dots).extracting(d -> SvgElements.number(d, "cx")).isSorted();
        double highest = SvgElements.number(dots.get(0), "cy");
        double lowest = SvgElements.number(dots.get(1), "cy");
        List<Element> whisker = SvgElements.find(svg, "line", "whisker");
        assertThat(SvgElements.number(whisker.getFirst(), "y1")).isEqualTo(lowest);
        assertThat(SvgElements.number(whisker.getFirst(), "y2")).isEqualTo(highest);
        assertThat(SvgElements.title(SvgElements.find(svg, "rect", "bar").getFirst())).isEqualTo("asios: median 75.00 (min 70.00, max 80.00)");
    }

    @Test
    void ratioBarsStartAtTheLineAtOne() {
        String svg = SvgBarChart.svg("tuned / untuned", List.of(new SvgBarChart.Bar("better", "tuned", List.of(0.8)),
                new SvgBarChart.Bar("worse", "tuned", List.of(1.2))), 1.0);

        double one = SvgElements.number(SvgElements.find(svg, "line", "baseline").getFirst(), "y1");
        List<Element> bars = SvgElements.find(svg, "rect", "bar");
        assertThat(SvgElements.number(bars.get(0), "y")).isEqualTo(one);
        assertThat(SvgElements.number(bars.get(1), "y") + SvgElements.number(bars.get(1), "height")).isEqualTo(one);
        assertThat(SvgElements.number(bars.get(0), "height")).isCloseTo(SvgElements.number(bars.get(1), "height"), within(0.2));
    }

    @Test
    void labelsAreEscaped() {
        String svg = SvgBarChart.svg("a<b", List.of(new SvgBarChart.Bar("x&y\nline two", "probe", List.of(1.0))), 0);

        assertThat(svg).contains("a&lt;b", "x&amp;y", ">line two<").doesNotContain("a<b", "x&y");
    }
}
