package ai.asyncjava.kit.checks.ch05;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch04.TimedQueue;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import ai.asyncjava.kit.simulators.shop.ShopRequest;
import ai.asyncjava.kit.simulators.shop.ShopSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one crawl did, as the checks judge it: the site's log of every request, everything the
 * crawler put on its output queue (with the time and the thread), and whether {@code crawl}
 * returned. The crawl runs through {@link BoundedRun}, so a crawler that never returns is stopped
 * and described where it waits.
 *
 * @param scenario the crawl in words, for messages: "4 workers, maxPages 500"
 * @param workers  the workers the crawler was made with
 * @param maxPages its page limit
 * @param seeds    where it started
 * @param outcome  how {@code crawl} ended
 * @param output   what it put on the output queue, in order
 * @param requests what the site was asked, in arrival order
 * @param newConnections the connections the site saw opened
 */
record CrawlRun(String scenario, int workers, int maxPages, List<URI> seeds, BoundedRun.Outcome<Void> outcome,
                List<TimedQueue.Put<ParsedPage>> output, List<ShopRequest> requests, long newConnections) {

    /**
     * Crawls {@code site} with a fresh crawler and collects what happened. The site's log is
     * cleared first; once {@code crawl} returns the check waits a moment for stragglers, so a
     * page put on the queue after the end marker is seen.
     *
     * @param limit how long crawl() may take at a slowdown of 1
     */
    static CrawlRun of(String scenario, int workers, int maxPages, ShopSimulator site, List<URI> seeds,
                       Crawler crawler, Duration limit) throws InterruptedException {
        return of(scenario, workers, maxPages, site, seeds, crawler, limit, caller -> { });
    }

    /** {@link #of}, while the check's thread does {@code meanwhile}, such as measuring the processor time. */
    static CrawlRun of(String scenario, int workers, int maxPages, ShopSimulator site, List<URI> seeds,
                       Crawler crawler, Duration limit, BoundedRun.Meanwhile meanwhile) throws InterruptedException {
        site.reset();
        TimedQueue<ParsedPage> output = new TimedQueue<>();
        BoundedRun.Outcome<Void> outcome = BoundedRun.call("crawl(...)", limit, () -> { // scales the limit itself
            crawler.crawl(seeds, output);
            return null;
        }, meanwhile);
        if (outcome.returned()) {
            Thread.sleep(Tolerances.Ch05.STRAGGLERS.millis());
        }
        awaitRequestsEnded(site);
        return new CrawlRun(scenario, workers, maxPages, List.copyOf(seeds), outcome, output.puts(),
                site.log().requests(), site.log().newConnections());
    }

    /** The pages put on the output queue, in order. */
    List<ParsedPage> pages() {
        return output.stream()
                .map(TimedQueue.Put::message)
                .filter(m -> m instanceof Message.Item<ParsedPage>)
                .map(m -> ((Message.Item<ParsedPage>) m).value())
                .toList();
    }

    /** The requests for pages: robots.txt and the first leg of a redirect are not fetches of their own. */
    List<ShopRequest> pageFetches() {
        return requests.stream().filter(r -> !r.robots() && !(r.status() >= 300 && r.status() < 400)).toList();
    }

    /** "crawl(...) with 4 workers and maxPages 500", for messages. */
    String described() {
        return "a crawl with " + scenario;
    }

    // A request still being answered when crawl() returned would be missing from the log's ends.
    private static void awaitRequestsEnded(ShopSimulator site) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Tolerances.Ch05.STRAGGLERS.millis());
        while (System.nanoTime() < until && site.log().requests().stream().anyMatch(ShopRequest::inFlight)) {
            Thread.sleep(5);
        }
    }
}
