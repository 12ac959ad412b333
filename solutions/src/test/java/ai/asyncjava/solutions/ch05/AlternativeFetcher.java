package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A correct fetcher written another way: the body as a stream parsed by jsoup directly, links
 * resolved with {@link URI#resolve}, the tracking parameters removed with a regular expression.
 * The checks must pass it.
 */
public class AlternativeFetcher implements PageFetcher {

    private static final Pattern TRACKING = Pattern.compile("(^|&)(utm_[^=&]*|ref)(=[^&]*)?");

    @Override
    public ParsedPage fetch(HttpClient client, URI url) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(url).header("User-Agent", "AsyncJavaCourseBot (course alternative)").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                throw new IOException("status " + response.statusCode() + " from " + url);
            }
            Document document = Jsoup.parse(body, "UTF-8", response.uri().toString());
            Set<URI> links = new TreeSet<>();
            for (var anchor : document.select("a[href]")) {
                try {
                    URI link = response.uri().resolve(anchor.attr("href").trim()).normalize();
                    if (link.getScheme() != null && link.getScheme().startsWith("http")
                            && link.getRawAuthority() != null && link.getRawAuthority().equals(response.uri().getRawAuthority())) {
                        links.add(clean(link));
                    }
                } catch (IllegalArgumentException notAUri) {
                    // an href that is not a URI is no link
                }
            }
            return new ParsedPage(response.uri(), document.outerHtml(), links);
        }
    }

    private static URI clean(URI link) {
        String path = link.getRawPath().isEmpty() ? "/" : link.getRawPath().replaceAll("(?<=.)/+$", "");
        String query = link.getRawQuery() == null ? "" : TRACKING.matcher(link.getRawQuery()).replaceAll("")
                .replaceAll("^&+", "");
        return URI.create(link.getScheme() + "://" + link.getRawAuthority() + path + (query.isEmpty() ? "" : "?" + query));
    }
}
