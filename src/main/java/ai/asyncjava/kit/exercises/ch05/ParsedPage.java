package ai.asyncjava.kit.exercises.ch05;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * One fetched page: where it came from, its HTML and the links worth following from it.
 *
 * @param url   the page's address: the one the response came from, so after a redirect the
 *              address redirected to
 * @param html  the page's HTML as received
 * @param links the page's same-host links, absolute and normalised (see {@link PageFetcher})
 */
public record ParsedPage(URI url, String html, Set<URI> links) {

    public ParsedPage {
        Objects.requireNonNull(url, "a parsed page needs its url");
        Objects.requireNonNull(html, "a parsed page needs its html (an empty string for an empty page)");
        Objects.requireNonNull(links, "a parsed page needs its set of links (Set.of() for none)");
        links = Set.copyOf(links);
    }

    @Override
    public String toString() {
        return "ParsedPage[" + url + ", " + html.length() + " chars of html, " + links.size() + " links]";
    }
}
