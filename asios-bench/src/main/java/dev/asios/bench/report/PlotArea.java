package dev.asios.bench.report;

/**
 * The rectangle of a chart where the data goes, in the image's pixels, and its axes: values map to
 * x left to right and to y bottom to top.
 *
 * @param left the left edge
 * @param top the top edge
 * @param width the width
 * @param height the height
 */
record PlotArea(double left, double top, double width, double height) {

    private static final double TICK = 4;
    private static final double TEXT_LINE = 13;

    /** The bottom edge. */
    double bottom() {
        return top + height;
    }

    /** The right edge. */
    double right() {
        return left + width;
    }

    /** Where {@code value} stands on {@code scale} laid along x. */
    double x(Scale scale, double value) {
        return left + scale.fraction(value) * width;
    }

    /** Where {@code value} stands on {@code scale} laid along y. */
    double y(Scale scale, double value) {
        return bottom() - scale.fraction(value) * height;
    }

    /** Draws {@code scale} along the left edge, a grid line at every tick, and {@code label} above the axis. */
    void leftAxis(Svg svg, Scale scale, String label) {
        for (double tick : scale.ticks()) {
            double y = y(scale, tick);
            svg.line(left, y, right(), y, "grid", "");
            svg.text(left - TICK - 2, y + TEXT_LINE / 3, "end", "tick", Scale.label(tick));
        }
        svg.line(left, top, left, bottom(), "axis", "");
        svg.text(left, top - 1.5 * TEXT_LINE, "start", "axis-label", label);
    }

    /** Draws {@code scale} along the bottom edge with {@code label} under it. */
    void bottomAxis(Svg svg, Scale scale, String label) {
        for (double tick : scale.ticks()) {
            double x = x(scale, tick);
            svg.line(x, bottom(), x, bottom() + TICK, "axis", "");
            svg.text(x, bottom() + TICK + TEXT_LINE, "middle", "tick", Scale.label(tick));
        }
        svg.line(left, bottom(), right(), bottom(), "axis", "");
        svg.text(left + width / 2, bottom() + TICK + 2.3 * TEXT_LINE, "middle", "axis-label", label);
    }

    /** Writes a category's name under the bottom edge, centred on {@code x}, one line per element of {@code lines}. */
    void category(Svg svg, double x, String... lines) {
        for (int i = 0; i < lines.length; i++) {
            svg.text(x, bottom() + (i + 1.2) * TEXT_LINE, "middle", "tick", lines[i]);
        }
    }
}
