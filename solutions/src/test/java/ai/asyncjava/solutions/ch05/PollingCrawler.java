package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A correct crawler written another way, as a learner might: a concurrent set whose {@code add}
 * says whether a link is new, an atomic budget, and workers that poll with a timeout and leave
 * by themselves once nothing is pending, so nobody needs interrupting. The checks must pass it.
 */
public class PollingCrawler implements Crawler {

    private final int workers;
    private final int maxPages;
    private final PageFetcher fetcher = new AlternativeFetcher();

    public PollingCrawler(int workers, int maxPages) {
        this.workers = workers;
        this.maxPages = maxPages;
    }

    @Override
    public void crawl(List<URI> seeds, BlockingQueue<Message<ParsedPage>> output) throws InterruptedException {
        Set<URI> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger pending = new AtomicInteger();
        BlockingQueue<URI> queue = new LinkedBlockingQueue<>();
        Admit admit = url -> {
            if (seen.add(url) && admitted.incrementAndGet() <= maxPages) {
                pending.incrementAndGet();
                queue.add(url);
            }
        };
        seeds.forEach(admit::of);
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                pool.submit(() -> {
                    while (pending.get() > 0) {
                        URI url = queue.poll(20, TimeUnit.MILLISECONDS);
                        if (url == null) {
                            continue;
                        }
                        try {
                            ParsedPage page = fetcher.fetch(client, url);
                            output.put(Message.item(page));
                            page.links().forEach(admit::of);
                        } catch (IOException | RuntimeException e) {
                            // skip the page
                        } finally {
                            pending.decrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        output.put(Message.end());
    }

    @FunctionalInterface
    private interface Admit {
        void of(URI url);
    }
}
