package ai.asyncjava.kit.exercises.ch05;

import ai.asyncjava.kit.exercises.Message;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * A breadth-first crawler: {@code crawl} visits the pages reachable from the seeds through
 * same-host links, with the number of workers and the page limit its factory was given.
 *
 * <p>The contract of one crawl:
 * <ul>
 *   <li>each page is fetched at most once, whatever spelling its links use (they are
 *       normalised, see {@link PageFetcher});</li>
 *   <li>at most {@code maxPages} pages are fetched, a page that fails included; when more are
 *       reachable, exactly {@code maxPages} are;</li>
 *   <li>pages are taken in breadth-first order: the seeds, then the pages they link to, then the
 *       pages those link to, ...;</li>
 *   <li>the workers fetch at the same time, all through one {@code HttpClient} that follows
 *       redirects;</li>
 *   <li>a page that cannot be fetched (an I/O error, a 404, a 500) is skipped and the crawl goes
 *       on;</li>
 *   <li>every page fetched and parsed goes on {@code output} as {@code Message.item(page)}; when
 *       the crawl is over {@code Message.end()} goes on it once, last, and {@code crawl} returns,
 *       leaving no thread of its own running.</li>
 * </ul>
 */
@FunctionalInterface
public interface Crawler {

    /**
     * Crawls from {@code seeds} and puts the pages on {@code output}, then the end marker.
     *
     * @throws InterruptedException when the calling thread is interrupted; the crawl then stops
     *                              its workers before it returns
     */
    void crawl(List<URI> seeds, BlockingQueue<Message<ParsedPage>> output) throws InterruptedException;
}
