package dev.asios.bench.report;

import java.util.Locale;

/**
 * Builds one inline SVG image, in pixels with y downwards; every text is escaped, every shape is
 * styled by CSS classes of the page, and an optional title shows as a tooltip. The result is
 * well-formed XML. Not thread-safe.
 */
final class Svg {

    private final double width;
    private final double height;
    private final StringBuilder body = new StringBuilder();

    Svg(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** A rectangle from its top left corner; {@code title} empty for none. */
    Svg rect(double x, double y, double w, double h, String cssClass, String title) {
        return shape("rect", "x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(w) + "\" height=\"" + n(h) + "\"", cssClass, title);
    }

    /** A line; {@code title} empty for none. */
    Svg line(double x1, double y1, double x2, double y2, String cssClass, String title) {
        return shape("line", "x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\"", cssClass, title);
    }

    /** A circle; {@code title} empty for none. */
    Svg circle(double cx, double cy, double r, String cssClass, String title) {
        return shape("circle", "cx=\"" + n(cx) + "\" cy=\"" + n(cy) + "\" r=\"" + n(r) + "\"", cssClass, title);
    }

    /** A line of text whose {@code anchor} ({@code start}, {@code middle} or {@code end}) stands at x, its baseline at y. */
    Svg text(double x, double y, String anchor, String cssClass, String text) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(cssClass).append("\">").append(HtmlText.escape(text)).append("</text>");
        return this;
    }

    /** The image, described by {@code label} for readers that cannot see it. */
    String render(String label) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" width=\"" + n(width)
                + "\" height=\"" + n(height) + "\" role=\"img\" aria-label=\"" + HtmlText.escape(label) + "\">" + body + "</svg>";
    }

    private Svg shape(String tag, String attributes, String cssClass, String title) {
        body.append('<').append(tag).append(' ').append(attributes).append(" class=\"").append(cssClass).append('"');
        if (title.isEmpty()) {
            body.append("/>");
        } else {
            body.append("><title>").append(HtmlText.escape(title)).append("</title></").append(tag).append('>');
        }
        return this;
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
