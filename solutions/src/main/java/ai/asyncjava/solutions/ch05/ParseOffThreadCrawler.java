package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Workers that only fetch: each hands the HTML to a parser task and goes straight back to the
 * frontier. The parser task builds the page, passes it on, admits its links and finishes the visit,
 * so the frontier's count still says when the crawl is over.
 */
public class ParseOffThreadCrawler implements Crawler {

    private final int workers;
    private final int maxPages;
    private final Executor parsers;

    public ParseOffThreadCrawler(int workers, int maxPages, Executor parsers) {
        this.workers = workers;
        this.maxPages = maxPages;
        this.parsers = parsers;
    }

    @Override
    public void crawl(List<URI> seeds, BlockingQueue<Message<ParsedPage>> output) throws InterruptedException {
        Frontier frontier = new Frontier(seeds, maxPages, Integer.MAX_VALUE);
        try (HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                pool.submit(() -> fetchLoop(frontier, client, output));
            }
            try {
                frontier.awaitOver();
            } finally {
                pool.shutdownNow();
            }
        }
        output.put(Message.end());
    }

    private Void fetchLoop(Frontier frontier, HttpClient client, BlockingQueue<Message<ParsedPage>> output)
            throws InterruptedException {
        while (true) {
            Frontier.Visit visit = frontier.take();
            HttpResponse<String> response;
            try {
                response = ShopPageFetcher.get(client, visit.url());
            } catch (IOException | RuntimeException e) {
                System.out.println("skipped " + visit.url() + ": " + (e.getMessage() != null ? e.getMessage() : e));
                frontier.finished(visit);
                continue;
            }
            parsers.execute(() -> parse(frontier, visit, response, output));
        }
    }

    /** Runs on a parser thread: the CPU work, then the bookkeeping the worker used to do. */
    private static void parse(Frontier frontier, Frontier.Visit visit, HttpResponse<String> response,
                              BlockingQueue<Message<ParsedPage>> output) {
        try {
            URI pageUrl = response.uri();
            ParsedPage page = new ParsedPage(pageUrl, response.body(),
                    ShopPageFetcher.sameHostLinks(response.body(), pageUrl));
            output.put(Message.item(page));
            frontier.admitLinks(visit, page.links());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // a pool thread: leave the flag for the pool
        } catch (RuntimeException e) {
            System.out.println("could not parse " + visit.url() + ": " + e.getMessage());
        } finally {
            frontier.finished(visit);
        }
    }
}
