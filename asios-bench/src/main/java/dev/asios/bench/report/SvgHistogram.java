package dev.asios.bench.report;

import dev.asios.bench.Distribution;
import java.util.List;

/**
 * Latency histograms as one SVG image: the distributions of one metric (the probe's and the
 * reference's) overlaid, each in its series colour ({@code s0}, {@code s1}, ...), with the sample
 * counts on a log axis and the latencies on a log axis when they span more than two decades. A
 * dashed mark stands at each distribution's p50, p99 and p99.9 (see {@link BucketPercentiles}).
 */
final class SvgHistogram {

    /** The percentiles marked. */
    static final List<Double> MARKS = List.of(50.0, 99.0, 99.9);

    private static final double DECADES_FOR_LOG = 2;
    private static final double WIDTH = 660;
    private static final double LEFT = 60;
    private static final double RIGHT = 30;
    private static final double TOP = 30;
    private static final double PLOT_HEIGHT = 200;
    private static final double BOTTOM = 46;
    private static final double MARK_ROW = 12;

    private SvgHistogram() {
    }

    /**
     * The histogram of {@code series}, which share one metric and unit.
     *
     * @throws IllegalArgumentException if there is no series, or one has no samples
     */
    static String svg(List<Distribution> series) {
        double width = bucketWidth(series);
        Scale x = latencyScale(series, width);
        Scale y = LogScale.counts(series.stream().flatMap(d -> d.buckets().stream()).mapToLong(Distribution.Bucket::count).max().orElseThrow());
        Distribution first = series.getFirst();
        PlotArea area = new PlotArea(LEFT, TOP, WIDTH - LEFT - RIGHT, PLOT_HEIGHT);
        Svg svg = new Svg(WIDTH, TOP + PLOT_HEIGHT + BOTTOM);
        area.leftAxis(svg, y, "samples (log)");
        area.bottomAxis(svg, x, first.metric() + ", " + first.unit() + (x instanceof LogScale ? " (log)" : ""));
        for (int s = 0; s < series.size(); s++) {
            buckets(svg, area, x, y, series.get(s), width, "s" + s);
        }
        for (int s = 0; s < series.size(); s++) {
            marks(svg, area, x, series.get(s), s);
        }
        return svg.render(first.metric() + " histogram of " + String.join(", ", series.stream().map(Distribution::tool).toList()));
    }

    /** The width of the narrowest bucket, the smallest step between bounds: a bucket is drawn no wider; 1 where none can be seen. */
    static double bucketWidth(List<Distribution> series) {
        double width = Double.MAX_VALUE;
        for (Distribution d : series) {
            for (int i = 1; i < d.buckets().size(); i++) {
                double step = d.buckets().get(i).from() - d.buckets().get(i - 1).from();
                if (step > 0) {
                    width = Math.min(width, step);
                }
            }
        }
        return width == Double.MAX_VALUE ? 1 : width;
    }

    /** The latency axis: log when the buckets span more than two decades (a bucket from 0 counts from half a bucket), else linear. */
    static Scale latencyScale(List<Distribution> series, double bucketWidth) {
        double lowest = series.stream().mapToDouble(d -> d.buckets().getFirst().from()).min().orElseThrow();
        double highest = series.stream().mapToDouble(d -> d.buckets().getLast().from()).max().orElseThrow() + bucketWidth;
        double positiveLowest = lowest > 0 ? lowest : bucketWidth / 2;
        if (Math.log10(highest / positiveLowest) > DECADES_FOR_LOG) {
            return LogScale.decades(positiveLowest, highest);
        }
        return LinearScale.covering(lowest, highest);
    }

    private static void buckets(Svg svg, PlotArea area, Scale x, Scale y, Distribution d, double width, String series) {
        List<Distribution.Bucket> buckets = d.buckets();
        for (int i = 0; i < buckets.size(); i++) {
            Distribution.Bucket b = buckets.get(i);
            double end = i + 1 < buckets.size() ? Math.min(buckets.get(i + 1).from(), b.from() + width) : b.from() + width;
            double left = area.x(x, b.from());
            double top = area.y(y, b.count());
            svg.rect(left, top, Math.max(1, area.x(x, end) - left), area.bottom() - top, "bucket " + series,
                    d.tool() + ": " + b.count() + " from " + Scale.label(b.from()) + " " + d.unit());
        }
    }

    private static void marks(Svg svg, PlotArea area, Scale x, Distribution d, int series) {
        for (double percentile : MARKS) {
            double value = BucketPercentiles.valueAt(d, percentile);
            double at = area.x(x, value);
            String name = "p" + Scale.label(percentile);
            svg.line(at, area.top(), at, area.bottom(), "mark s" + series, d.tool() + " " + name + ": " + Scale.label(value) + " " + d.unit());
            svg.text(at + 2, area.top() + MARK_ROW * (series + 1), "start", "mark-label s" + series, name);
        }
    }
}
