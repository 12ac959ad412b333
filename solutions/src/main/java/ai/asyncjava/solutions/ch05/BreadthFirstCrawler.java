package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * N workers on virtual threads share one {@link Frontier} and one {@link HttpClient}. Each takes
 * a page, fetches it, passes it on and admits its links, until the frontier says the crawl is over.
 */
public class BreadthFirstCrawler implements Crawler {

    private final int workers;
    private final int maxPages;
    private final int maxDepth;
    private final PageFetcher fetcher;
    private final HttpClient.Redirect redirects;

    public BreadthFirstCrawler(int workers, int maxPages) {
        this(workers, maxPages, Integer.MAX_VALUE);
    }

    /** Going further: a crawler that fetches no page deeper than {@code maxDepth}. */
    public BreadthFirstCrawler(int workers, int maxPages, int maxDepth) {
        this(workers, maxPages, maxDepth, new ShopPageFetcher(), HttpClient.Redirect.NORMAL);
    }

    /**
     * A crawler that fetches through {@code fetcher} (a polite one, say), with a client that
     * follows redirects as {@code redirects} says: a fetcher that counts its requests follows them itself.
     */
    public BreadthFirstCrawler(int workers, int maxPages, int maxDepth, PageFetcher fetcher,
                               HttpClient.Redirect redirects) {
        this.workers = workers;
        this.maxPages = maxPages;
        this.maxDepth = maxDepth;
        this.fetcher = fetcher;
        this.redirects = redirects;
    }

    @Override
    public void crawl(List<URI> seeds, BlockingQueue<Message<ParsedPage>> output) throws InterruptedException {
        Frontier frontier = new Frontier(seeds, maxPages, maxDepth);
        // One client for the whole crawl: it keeps a pool of open connections that every worker
        // reuses. A client per request would open (and leak) a connection and threads for each.
        try (HttpClient client = HttpClient.newBuilder()
                .followRedirects(redirects)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                pool.submit(() -> work(frontier, client, output));
            }
            try {
                frontier.awaitOver();
            } finally {
                // The Java answer to asyncio's cancel(): interrupt the workers, all waiting in
                // take() by now (or, on an interrupt of crawl() itself, wherever they are).
                pool.shutdownNow();
            }
        }
        output.put(Message.end());
    }

    private Void work(Frontier frontier, HttpClient client, BlockingQueue<Message<ParsedPage>> output)
            throws InterruptedException {
        while (true) {
            Frontier.Visit visit = frontier.take(); // an interrupt here is the end of the crawl
            try {
                ParsedPage page = fetcher.fetch(client, visit.url());
                output.put(Message.item(page));
                frontier.admitLinks(visit, page.links());
            } catch (IOException | RuntimeException e) {
                // One bad page must not end the worker, or the crawl would never be over.
                System.out.println("skipped " + visit.url() + ": " + (e.getMessage() != null ? e.getMessage() : e));
            } finally {
                frontier.finished(visit);
            }
        }
    }
}
