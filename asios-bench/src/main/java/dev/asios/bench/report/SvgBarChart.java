package dev.asios.bench.report;

import dev.asios.bench.Summary;
import java.util.List;

/**
 * A bar chart of medians as an SVG image: each bar runs from a baseline (0 for amounts, 1.0 for
 * ratios) to the median of its samples, a whisker spans their minimum to maximum, and every sample
 * is a dot, left to right in the order measured, with its value as a tooltip. Bars of the same
 * chart share one linear axis, so a median twice as large from a 0 baseline is twice as tall.
 */
final class SvgBarChart {

    private static final double SLOT = 104;
    private static final double BAR = 0.6 * SLOT;
    private static final double CAP = 8;
    private static final double DOT_RADIUS = 3.2;
    private static final double LEFT = 60;
    private static final double RIGHT = 12;
    private static final double TOP = 36;
    private static final double PLOT_HEIGHT = 190;
    private static final double BOTTOM = 40;
    /** The share of the data's range left above it, for the median labels. */
    private static final double HEADROOM = 0.08;
    /** About the width of one character of the axis label, which the plot is at least as wide as. */
    private static final double LABEL_CHAR = 6.5;

    /**
     * One bar.
     *
     * @param label its name under the axis; a line feed starts a second line
     * @param cssClass the CSS class that colours it ({@code probe}, {@code reference}, {@code untuned}, {@code tuned})
     * @param samples the samples whose median it shows; at least one
     */
    record Bar(String label, String cssClass, List<Double> samples) {

        /** Creates an immutable copy. */
        Bar {
            samples = List.copyOf(samples);
        }
    }

    private SvgBarChart() {
    }

    /**
     * The chart of {@code bars}, drawn from {@code baseline}, its value axis named {@code valueLabel}.
     *
     * @throws IllegalArgumentException if a bar has no samples
     */
    static String svg(String valueLabel, List<Bar> bars, double baseline) {
        double min = baseline;
        double max = baseline;
        for (Bar bar : bars) {
            Summary summary = Summary.of(bar.samples());
            min = Math.min(min, summary.min());
            max = Math.max(max, summary.max());
        }
        Scale scale = LinearScale.covering(min, max + HEADROOM * (max - min));
        PlotArea area = new PlotArea(LEFT, TOP, Math.max(SLOT * bars.size(), LABEL_CHAR * valueLabel.length()), PLOT_HEIGHT);
        Svg svg = new Svg(LEFT + area.width() + RIGHT, TOP + PLOT_HEIGHT + BOTTOM);
        area.leftAxis(svg, scale, valueLabel);
        double slot = area.width() / bars.size();
        for (int i = 0; i < bars.size(); i++) {
            draw(svg, area, scale, bars.get(i), LEFT + i * slot + (slot - BAR) / 2, baseline);
        }
        svg.line(LEFT, area.y(scale, baseline), area.right(), area.y(scale, baseline), "baseline", "");
        return svg.render(valueLabel + ": " + String.join(", ", bars.stream().map(b -> b.label().replace('\n', ' ')).toList()));
    }

    private static void draw(Svg svg, PlotArea area, Scale scale, Bar bar, double x, double baseline) {
        Summary s = Summary.of(bar.samples());
        String name = bar.label().replace('\n', ' ');
        double yBase = area.y(scale, baseline);
        double yMedian = area.y(scale, s.median());
        double centre = x + BAR / 2;
        svg.rect(x, Math.min(yBase, yMedian), BAR, Math.abs(yBase - yMedian), "bar " + bar.cssClass(),
                name + ": median " + BenchTable.number(s.median()) + " (min " + BenchTable.number(s.min()) + ", max " + BenchTable.number(s.max()) + ")");
        double yMin = area.y(scale, s.min());
        double yMax = area.y(scale, s.max());
        svg.line(centre, yMin, centre, yMax, "whisker", "");
        svg.line(centre - CAP / 2, yMin, centre + CAP / 2, yMin, "whisker", "");
        svg.line(centre - CAP / 2, yMax, centre + CAP / 2, yMax, "whisker", "");
        List<Double> samples = bar.samples();
        for (int k = 0; k < samples.size(); k++) {
            svg.circle(x + BAR * (k + 0.5) / samples.size(), area.y(scale, samples.get(k)), DOT_RADIUS, "dot",
                    name + ", #" + (k + 1) + ": " + BenchTable.number(samples.get(k)));
        }
        double above = Math.min(yMax, yBase) - DOT_RADIUS - 4;
        svg.text(centre, above, "middle", "value", BenchTable.number(s.median()));
        area.category(svg, centre, bar.label().split("\n"));
    }
}
