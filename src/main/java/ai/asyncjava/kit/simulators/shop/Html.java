package ai.asyncjava.kit.simulators.shop;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes one HTML page and remembers the {@code href} of every {@code <a>} it writes, so the site
 * map reads a page's links off the very calls that wrote its HTML: the two cannot disagree.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(4096);
    private final List<String> hrefs = new ArrayList<>();

    /** The doctype, head (title, canonical link when known) and the opening of the body. */
    Html head(String title, String canonical) {
        out.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        text(title);
        out.append("</title>\n");
        if (canonical != null) {
            out.append("<link rel=\"canonical\" href=\"");
            attribute(canonical);
            out.append("\">\n");
        }
        out.append("</head>\n<body id=\"top\">\n");
        return this;
    }

    /** The closing footer, body and html. */
    Html end() {
        out.append("<footer>\n<p><a href=\"#top\">Back to top</a> · <a class=\"newsletter\">Newsletter (coming soon)</a></p>\n")
                .append("</footer>\n</body>\n</html>\n");
        hrefs.add("#top");
        return this;
    }

    /**
     * The closing body and html with no link back to the page itself: for the page a redirect leads
     * to, which a crawler knows only by the address it asked for, so that a self-link would be
     * a second, legitimate-looking visit. Redirect bookkeeping is not what the chapter checks.
     */
    Html endWithoutSelfLink() {
        out.append("<footer>\n<p><a class=\"newsletter\">Newsletter (coming soon)</a></p>\n")
                .append("</footer>\n</body>\n</html>\n");
        return this;
    }

    /** Markup written as is: tags only, never generated text. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text, escaped. */
    Html text(String text) {
        escape(text, false);
        return this;
    }

    /** {@code <tag>text</tag>}, text escaped. */
    Html element(String tag, String text) {
        out.append('<').append(tag).append('>');
        text(text);
        out.append("</").append(tag.split(" ")[0]).append(">\n");
        return this;
    }

    /** A link. */
    Html a(String href, String text) {
        return a(href, null, text);
    }

    /** A link with a class. */
    Html a(String href, String cssClass, String text) {
        hrefs.add(href);
        out.append("<a href=\"");
        attribute(href);
        out.append('"');
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        out.append('>');
        text(text);
        out.append("</a>");
        return this;
    }

    /** {@code <li><a ...>text</a></li>}. */
    Html item(String href, String text) {
        out.append("<li>");
        a(href, text);
        out.append("</li>\n");
        return this;
    }

    String html() {
        return out.toString();
    }

    List<String> hrefs() {
        return hrefs;
    }

    private void attribute(String value) {
        escape(value, true);
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }
}
