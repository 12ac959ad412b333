package ai.asyncjava.solutions.ch05.mutants;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import ai.asyncjava.solutions.ch05.BreadthFirstCrawler;
import ai.asyncjava.solutions.ch05.ShopPageFetcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Mutant: hands each page's parsing to the parsers, then waits for it on the worker and passes the
 * page on from there, so the worker never gets back to fetching any sooner.
 */
public class ParsesOnWorkerCrawler implements Crawler {

    private final Crawler inner;

    public ParsesOnWorkerCrawler(int workers, int maxPages, Executor parsers) {
        PageFetcher waitsForParser = (client, url) -> {
            HttpResponse<String> response = ShopPageFetcher.get(client, url);
            return CompletableFuture.supplyAsync(() -> new ParsedPage(response.uri(), response.body(),
                    ShopPageFetcher.sameHostLinks(response.body(), response.uri())), parsers).join();
        };
        inner = new BreadthFirstCrawler(workers, maxPages, Integer.MAX_VALUE, waitsForParser, HttpClient.Redirect.NORMAL);
    }

    @Override
    public void crawl(List<URI> seeds, BlockingQueue<Message<ParsedPage>> output) throws InterruptedException {
        inner.crawl(seeds, output);
    }
}
