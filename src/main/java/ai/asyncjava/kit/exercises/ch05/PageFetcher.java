package ai.asyncjava.kit.exercises.ch05;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * Fetches one page and finds the links a same-host crawler should follow from it.
 *
 * <p>The links of a page are the {@code href}s of its {@code <a>} elements, with these rules:
 * <ul>
 *   <li>resolved against the page's own address (the response's {@code uri()}, which after a
 *       redirect is the address redirected to), so {@code ../product/3} and
 *       {@code http://host:port/product/3} both become absolute;</li>
 *   <li>only {@code http} and {@code https} links, on the <em>same host and port</em> as the
 *       page: {@code mailto:}, {@code javascript:}, {@code tel:} and other sites are dropped;</li>
 *   <li>normalised, so one page has one spelling: no fragment ({@code #reviews}), no tracking
 *       parameters ({@code utm_*} and {@code ref}), no trailing slash except on the root path
 *       {@code /}. Other query parameters ({@code ?page=2}) stay as they are.</li>
 * </ul>
 * A page's link to itself is kept (the crawler's visited set deals with it).
 *
 * <p>Each fetch is one {@code GET} through the client it is given (never a client of its own),
 * with a {@code User-Agent} that names the crawler, {@value #USER_AGENT}: a site that sees a
 * crawler wants to know whose it is.
 */
@FunctionalInterface
public interface PageFetcher {

    /** The name the course's crawlers go by: in every request's {@code User-Agent}, and when they read robots.txt. */
    String USER_AGENT = "AsyncJavaCourseBot";

    /**
     * Fetches {@code url} with {@code client} and parses it.
     *
     * @throws IOException when the request fails or the answer's status is not 2xx (a 404 or a
     *                     500 page is not a page to crawl): the message names the status and the URL
     * @throws InterruptedException when the calling thread is interrupted while it waits
     */
    ParsedPage fetch(HttpClient client, URI url) throws IOException, InterruptedException;
}
