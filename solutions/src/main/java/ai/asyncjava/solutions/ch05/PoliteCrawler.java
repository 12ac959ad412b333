package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.HostLimit;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * The breadth-first crawler with a polite fetcher: same workers, same frontier, better manners. Its
 * client leaves redirects to the fetcher, which asks the limiter before each one.
 */
public class PoliteCrawler implements Crawler {

    private final int workers;
    private final int maxPages;
    private final HostLimit limit;

    public PoliteCrawler(int workers, int maxPages, HostLimit limit) {
        this.workers = workers;
        this.maxPages = maxPages;
        this.limit = limit;
    }

    @Override
    public void crawl(List<URI> seeds, BlockingQueue<Message<ParsedPage>> output) throws InterruptedException {
        // A fresh fetcher per crawl: fresh limiters, and robots.txt read again.
        new BreadthFirstCrawler(workers, maxPages, Integer.MAX_VALUE, new PolitePageFetcher(limit),
                HttpClient.Redirect.NEVER).crawl(seeds, output);
    }
}
