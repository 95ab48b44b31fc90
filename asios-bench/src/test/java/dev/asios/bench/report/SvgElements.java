package dev.asios.bench.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reads charts back for the tests: parses SVG as XML (so it must be well-formed) and finds shapes by tag and CSS class. */
final class SvgElements {

    private static final Pattern SVG = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL);

    private SvgElements() {
    }

    /** Every SVG image in {@code html}, in order. */
    static List<String> images(String html) {
        List<String> images = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            images.add(m.group());
        }
        return images;
    }

    /** The {@code tag} elements of {@code svg} whose classes include {@code cssClass}, in document order. */
    static List<Element> find(String svg, String tag, String cssClass) {
        try {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)))
                    .getElementsByTagName(tag);
            List<Element> found = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
                    found.add(e);
                }
            }
            return found;
        } catch (Exception e) {
            throw new AssertionError("not well-formed SVG: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** A numeric attribute. */
    static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    /** The text of an element's tooltip. */
    static String title(Element e) {
        return e.getElementsByTagName("title").item(0).getTextContent();
    }
}
