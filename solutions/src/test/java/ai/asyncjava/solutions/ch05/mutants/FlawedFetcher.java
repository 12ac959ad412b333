package ai.asyncjava.solutions.ch05.mutants;

import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.StringJoiner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Mutants of the page fetcher: the reference {@code ShopPageFetcher}, with one learner's mistake
 * switched on. Each {@link Flaw} is one mutant.
 */
public class FlawedFetcher implements PageFetcher {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** Compares getHost() only, so the partner site on another port counts as the same site. */
        HOST_ONLY,
        /** Keeps every href jsoup resolves: mailto:, javascript: and tel: too. */
        ALL_SCHEMES,
        /** Leaves the #fragment on. */
        KEEPS_FRAGMENTS,
        /** Leaves utm_* and ref parameters on. */
        KEEPS_TRACKING,
        /** Leaves a trailing slash on. */
        KEEPS_TRAILING_SLASH,
        /** Drops the whole query, so ?page=2 becomes the first page again. */
        DROPS_QUERY,
        /** Keeps only hrefs that are absolute already, so relative links are lost. */
        ABSOLUTE_HREFS_ONLY,
        /** Resolves links against the address it asked for, not the one the page came from after a redirect. */
        RESOLVES_AGAINST_REQUEST,
        /** Parses whatever comes back, a 404 or a 500 page too. */
        IGNORES_STATUS,
        /** Builds an HttpClient of its own for every fetch. */
        OWN_CLIENT,
        /** Sends the JDK's default User-Agent. */
        NO_USER_AGENT,
    }

    private final Flaw flaw;

    public FlawedFetcher(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public ParsedPage fetch(HttpClient client, URI url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url);
        if (flaw != Flaw.NO_USER_AGENT) {
            request.header("User-Agent", USER_AGENT + "/1.0");
        }
        HttpResponse<String> response;
        if (flaw == Flaw.OWN_CLIENT) {
            try (HttpClient own = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
                response = own.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
        } else {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        if (flaw != Flaw.IGNORES_STATUS && response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + " for " + url);
        }
        URI pageUrl = flaw == Flaw.RESOLVES_AGAINST_REQUEST ? url : response.uri();
        return new ParsedPage(pageUrl, response.body(), links(response.body(), pageUrl));
    }

    private Set<URI> links(String html, URI pageUrl) {
        Set<URI> links = new HashSet<>();
        for (Element anchor : Jsoup.parse(html, pageUrl.toString()).select("a[href]")) {
            String href = flaw == Flaw.ABSOLUTE_HREFS_ONLY ? anchor.attr("href") : anchor.attr("abs:href");
            if (flaw == Flaw.ABSOLUTE_HREFS_ONLY && !href.startsWith("http")) {
                continue;
            }
            URI link;
            try {
                link = new URI(href).normalize();
            } catch (URISyntaxException e) {
                continue;
            }
            if (href.isEmpty()) {
                continue;
            }
            boolean web = "http".equals(link.getScheme()) || "https".equals(link.getScheme());
            if (!web) {
                if (flaw == Flaw.ALL_SCHEMES) {
                    links.add(link);
                }
                continue;
            }
            boolean sameHost = pageUrl.getHost().equals(link.getHost())
                    && (flaw == Flaw.HOST_ONLY || pageUrl.getPort() == link.getPort());
            if (sameHost) {
                links.add(normalise(link));
            }
        }
        return links;
    }

    private URI normalise(URI link) {
        String path = link.getRawPath() == null || link.getRawPath().isEmpty() ? "/" : link.getRawPath();
        if (flaw != Flaw.KEEPS_TRAILING_SLASH && path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringJoiner query = new StringJoiner("&");
        if (link.getRawQuery() != null && flaw != Flaw.DROPS_QUERY) {
            for (String parameter : link.getRawQuery().split("&")) {
                String name = parameter.split("=", 2)[0];
                boolean tracking = name.startsWith("utm_") || name.equals("ref");
                if (!parameter.isEmpty() && (!tracking || flaw == Flaw.KEEPS_TRACKING)) {
                    query.add(parameter);
                }
            }
        }
        String fragment = flaw == Flaw.KEEPS_FRAGMENTS && link.getRawFragment() != null ? "#" + link.getRawFragment() : "";
        return URI.create(link.getScheme() + "://" + link.getRawAuthority() + path
                + (query.length() == 0 ? "" : "?" + query) + fragment);
    }
}
