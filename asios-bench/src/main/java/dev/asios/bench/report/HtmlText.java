package dev.asios.bench.report;

/** Text made safe inside HTML and SVG, in elements and in quoted attributes alike. */
final class HtmlText {

    private HtmlText() {
    }

    /** {@code text} with {@code & < > " '} replaced by their character references. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
