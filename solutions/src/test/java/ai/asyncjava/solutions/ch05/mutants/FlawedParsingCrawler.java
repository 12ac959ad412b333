package ai.asyncjava.solutions.ch05.mutants;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import ai.asyncjava.solutions.ch05.Frontier;
import ai.asyncjava.solutions.ch05.ShopPageFetcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutants of the parse-off-thread crawler: the parser task forgets part of the worker's old bookkeeping. */
public class FlawedParsingCrawler implements Crawler {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** The parser task never finishes the visit, so the count never reaches zero. */
        FORGETS_TO_FINISH,
        /** The parser task passes the page on but never admits its links. */
        FORGETS_LINKS,
    }

    private final int workers;
    private final int maxPages;
    private final Executor parsers;
    private final Flaw flaw;

    public FlawedParsingCrawler(int workers, int maxPages, Executor parsers, Flaw flaw) {
        this.workers = workers;
        this.maxPages = maxPages;
        this.parsers = parsers;
        this.flaw = flaw;
    }

    @Override
    public void crawl(List<URI> seeds, BlockingQueue<Message<ParsedPage>> output) throws InterruptedException {
        Frontier frontier = new Frontier(seeds, maxPages, Integer.MAX_VALUE);
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                pool.submit(() -> {
                    while (true) {
                        Frontier.Visit visit = frontier.take();
                        HttpResponse<String> response;
                        try {
                            response = ShopPageFetcher.get(client, visit.url());
                        } catch (IOException e) {
                            frontier.finished(visit);
                            continue;
                        }
                        parsers.execute(() -> parse(frontier, visit, response, output));
                    }
                });
            }
            try {
                frontier.awaitOver();
            } finally {
                pool.shutdownNow();
            }
        }
        output.put(Message.end());
    }

    private void parse(Frontier frontier, Frontier.Visit visit, HttpResponse<String> response,
                       BlockingQueue<Message<ParsedPage>> output) {
        ParsedPage page = new ParsedPage(response.uri(), response.body(),
                ShopPageFetcher.sameHostLinks(response.body(), response.uri()));
        output.offer(Message.item(page));
        if (flaw != Flaw.FORGETS_LINKS) {
            frontier.admitLinks(visit, page.links());
        }
        if (flaw != Flaw.FORGETS_TO_FINISH) {
            frontier.finished(visit);
        }
    }
}
