package ai.asyncjava.kit.simulators.shop;

import java.time.Duration;
import java.util.List;

/** One host's pages: how a request target maps to a page, and each page's answer. */
interface Site {

    /** The kinds of page, on both hosts. */
    enum Kind { HOME, LISTING, PRODUCT, REVIEWS, ABOUT, CONTACT, CART, LOGIN, SALE, WEEKLY, SPECIALS,
        BRANDS, BRAND, PRIVATE }

    /**
     * A page the host knows.
     *
     * @param target   its canonical path and query, e.g. {@code /products?category=garden&page=2}
     * @param number   a product id, a listing's page number, a brand's index; 0 when none
     * @param category a listing's category index, -1 for all products or none
     * @param status   the status it answers with: 200, or 301, 404, 500
     * @param slow     whether it takes the slow factor times the latency
     */
    record Page(String target, Kind kind, int number, int category, int status, boolean slow) {
        static Page of(String target, Kind kind) {
            return new Page(target, kind, 0, -1, 200, false);
        }
    }

    /** What a request target names. */
    sealed interface Route {
        /** A known page (whatever status it answers with). */
        record Found(Page page) implements Route {
        }

        /** {@code /robots.txt}. */
        record Robots() implements Route {
        }

        /** Nothing here: 404. */
        record Unknown() implements Route {
        }

        /** A target the server cannot read (a bad escape, a page number that is no number): 400. */
        record Bad(String why) implements Route {
        }
    }

    /**
     * An answer: status, the redirect's absolute {@code Location} (or null), the HTML and the
     * hrefs of its links in document order.
     */
    record Rendered(int status, String location, String html, List<String> hrefs) {
    }

    /** Maps a raw path and raw query (null when none) to what they name. */
    Route route(String rawPath, String rawQuery);

    /** The answer for a known page. */
    Rendered render(Page page);

    /** The host's robots.txt. */
    String robotsTxt(Duration crawlDelay);

    /**
     * Starts a page of this site: head (with the canonical link when {@code canonicalTarget} is
     * not null), header and nav, and the opening of {@code <main>}.
     */
    Html openPage(String title, String canonicalTarget);

    /** The 404 page for a path that names nothing. */
    default Rendered notFound(String rawPath) {
        Html html = openPage("Page not found", null);
        html.element("h1", "Page not found");
        html.element("p", "There is no page at " + rawPath + ".");
        html.raw("</main>\n").end();
        return new Rendered(404, null, html.html(), html.hrefs());
    }

    /** The site's name, for titles. */
    String name();

    /** A page answering an error: 400, 405, 429 or 500. */
    default Rendered error(int status, String title, String message) {
        Html html = new Html().head(title + " | " + name(), null);
        html.raw("<main>\n");
        html.element("h1", title);
        html.element("p", message);
        html.raw("</main>\n").end();
        return new Rendered(status, null, html.html(), html.hrefs());
    }
}
