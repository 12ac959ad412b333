package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** One GET, then the page's same-host links: absolute, normalised, nothing else. */
public class ShopPageFetcher implements PageFetcher {

    /** Long enough for a slow page, short enough that a hung one cannot hold a worker for ever. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public ParsedPage fetch(HttpClient client, URI url) throws IOException, InterruptedException {
        HttpResponse<String> response = get(client, url);
        // After a redirect the page lives at response.uri(): its relative links are relative to that.
        URI pageUrl = response.uri();
        return new ParsedPage(pageUrl, response.body(), sameHostLinks(response.body(), pageUrl));
    }

    /** One GET of {@code url}, redirects followed as the client does; a status other than 2xx is an IOException. */
    public static HttpResponse<String> get(HttpClient client, URI url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("User-Agent", USER_AGENT + "/1.0")
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + " for " + url);
        }
        return response;
    }

    /** The links of {@code html} that a crawler of {@code pageUrl}'s host should follow. */
    public static Set<URI> sameHostLinks(String html, URI pageUrl) {
        Document document = Jsoup.parse(html, pageUrl.toString());
        Set<URI> links = new HashSet<>();
        for (Element anchor : document.select("a[href]")) {
            String absolute = anchor.attr("abs:href"); // "" when jsoup cannot make it absolute
            URI link = toUri(absolute);
            if (link != null && isWebLink(link) && sameHost(link, pageUrl)) {
                links.add(normalise(link));
            }
        }
        return links;
    }

    /** {@code mailto:}, {@code javascript:} and {@code tel:} are not pages to fetch. */
    private static boolean isWebLink(URI link) {
        return "http".equalsIgnoreCase(link.getScheme()) || "https".equalsIgnoreCase(link.getScheme());
    }

    /** Host and port both: 127.0.0.1:8080 and 127.0.0.1:9090 are two different sites. */
    private static boolean sameHost(URI link, URI page) {
        return link.getHost() != null && link.getHost().equalsIgnoreCase(page.getHost())
                && effectivePort(link) == effectivePort(page);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * One spelling per page: no fragment, no tracking parameters ({@code utm_*}, {@code ref}),
     * no trailing slash except on the root, scheme and host in lower case.
     */
    public static URI normalise(URI link) {
        String path = link.getRawPath() == null || link.getRawPath().isEmpty() ? "/" : link.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringJoiner query = new StringJoiner("&");
        if (link.getRawQuery() != null) {
            for (String parameter : link.getRawQuery().split("&")) {
                String name = parameter.split("=", 2)[0];
                if (!parameter.isEmpty() && !name.startsWith("utm_") && !name.equals("ref")) {
                    query.add(parameter);
                }
            }
        }
        String rebuilt = link.getScheme().toLowerCase() + "://" + link.getRawAuthority().toLowerCase() + path
                + (query.length() == 0 ? "" : "?" + query);
        return Objects.requireNonNull(toUri(rebuilt), rebuilt);
    }

    /** The link as a URI, or null for one that is not a valid URI (it cannot be fetched anyway). */
    private static URI toUri(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new URI(text).normalize(); // normalize() resolves any ./ and ../ left in the path
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
