package ai.asyncjava.solutions.ch05.mutants;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import ai.asyncjava.solutions.ch05.ShopPageFetcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutants of the breadth-first crawler: the reference design (one queue, a visited set, a count
 * of unfinished pages, N virtual-thread workers, one client), with one learner's mistake switched
 * on. Each {@link Flaw} is one mutant; a flawed {@link PageFetcher} makes others.
 */
public class FlawedCrawler implements Crawler {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** None: the crawler is correct, for mutants that differ only in their fetcher. */
        NONE,
        /** Asks "seen?" and adds in two steps on a concurrent set: two workers admit the same link. */
        CHECK_THEN_ADD,
        /** Admits one page more than maxPages. */
        BUDGET_OFF_BY_ONE,
        /** Admits one page fewer than maxPages: {@code admitted + 1 >= maxPages} where {@code admitted >= maxPages} was meant. */
        BUDGET_ONE_SHORT,
        /** A worker quits the moment it finds the queue empty, as asyncio's get_nowait() loop would. */
        QUITS_WHEN_QUEUE_EMPTY,
        /** Holds one lock around the whole visit, the fetch included. */
        LOCKED_FETCH,
        /** Starts two workers, whatever it is told. */
        TWO_WORKERS,
        /** Waits until maxPages pages are done, which never happens on a smaller site. */
        NEVER_ENDS,
        /** Lets an error page's exception end the worker, its page never finished. */
        DIES_ON_BROKEN_PAGE,
        /** An idle worker loops around poll() until a page comes: a core kept busy doing nothing. */
        SPINS_ON_POLL,
        /** Takes the newest link first: a stack, so the crawl goes deep first. */
        STACK_FRONTIER,
        /** Each worker puts an end marker when it stops. */
        END_MARKER_PER_WORKER,
        /**
         * Marks a page finished before passing it on, and puts the end marker as soon as the count
         * is zero, before the workers have ended: the last page follows the marker. (The mutant makes
         * the race certain: the last worker to finish hands on the newest page only once the marker
         * is out, so no run of it passes by luck.)
         */
        FINISHES_BEFORE_PASSING_ON,
        /** Never closes its HttpClient, whose selector thread lives on after the crawl. */
        NEVER_CLOSES_CLIENT,
        /** Builds its client without followRedirects: HttpClient's default is never. */
        NO_REDIRECTS,
        /** Admits links one level deeper than maxDepth allows. */
        DEPTH_OFF_BY_ONE,
        /** Ignores maxDepth. */
        IGNORES_DEPTH,
    }

    private record Visit(URI url, int depth) {}

    private final int workers;
    private final int maxPages;
    private final int maxDepth;
    private final Flaw flaw;
    private final PageFetcher fetcher;

    private final BlockingDeque<Visit> queue = new LinkedBlockingDeque<>();
    private final Set<URI> visited = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Object over = new Object();
    private final CountDownLatch endPut = new CountDownLatch(1);
    private final AtomicReference<ParsedPage> held = new AtomicReference<>();

    public FlawedCrawler(int workers, int maxPages, Flaw flaw) {
        this(workers, maxPages, Integer.MAX_VALUE, flaw, new ShopPageFetcher());
    }

    public FlawedCrawler(int workers, int maxPages, int maxDepth, Flaw flaw) {
        this(workers, maxPages, maxDepth, flaw, new ShopPageFetcher());
    }

    public FlawedCrawler(int workers, int maxPages, int maxDepth, Flaw flaw, PageFetcher fetcher) {
        this.workers = flaw == Flaw.TWO_WORKERS ? 2 : workers;
        this.maxPages = maxPages;
        this.maxDepth = maxDepth;
        this.flaw = flaw;
        this.fetcher = fetcher;
    }

    @Override
    public void crawl(List<URI> seeds, BlockingQueue<Message<ParsedPage>> output) throws InterruptedException {
        for (URI seed : seeds) {
            admit(seed, 0);
        }
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (flaw != Flaw.NO_REDIRECTS) {
            builder.followRedirects(HttpClient.Redirect.NORMAL);
        }
        HttpClient client = builder.build();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                pool.submit(() -> work(client, output));
            }
            try {
                synchronized (over) {
                    while (flaw == Flaw.NEVER_ENDS ? done.get() < maxPages : unfinished.get() > 0) {
                        over.wait(); // a flaw of its own kind is not the point: wait() is notified below
                    }
                }
                if (flaw == Flaw.FINISHES_BEFORE_PASSING_ON) {
                    output.put(Message.end());
                    endPut.countDown();
                }
            } finally {
                if (flaw != Flaw.QUITS_WHEN_QUEUE_EMPTY) {
                    pool.shutdownNow();
                }
            }
        }
        if (flaw != Flaw.NEVER_CLOSES_CLIENT) {
            client.close();
        }
        if (flaw != Flaw.END_MARKER_PER_WORKER && flaw != Flaw.FINISHES_BEFORE_PASSING_ON) {
            output.put(Message.end());
        }
    }

    private Void work(HttpClient client, BlockingQueue<Message<ParsedPage>> output) throws Exception {
        try {
            while (true) {
                Visit visit;
                if (flaw == Flaw.QUITS_WHEN_QUEUE_EMPTY) {
                    visit = queue.poll();
                    if (visit == null) {
                        return null;
                    }
                } else if (flaw == Flaw.SPINS_ON_POLL) {
                    visit = queue.poll();
                    if (visit == null) {
                        if (Thread.currentThread().isInterrupted()) {
                            return null;
                        }
                        continue;
                    }
                } else {
                    visit = flaw == Flaw.STACK_FRONTIER ? queue.takeLast() : queue.take();
                }
                if (flaw == Flaw.LOCKED_FETCH) {
                    lock.lock();
                }
                try {
                    visit(visit, client, output);
                } finally {
                    if (flaw == Flaw.LOCKED_FETCH) {
                        lock.unlock();
                    }
                }
            }
        } finally {
            if (flaw == Flaw.END_MARKER_PER_WORKER) {
                output.offer(Message.end());
            }
        }
    }

    private void visit(Visit visit, HttpClient client, BlockingQueue<Message<ParsedPage>> output) throws Exception {
        if (flaw == Flaw.DIES_ON_BROKEN_PAGE) {
            ParsedPage page = fetcher.fetch(client, visit.url()); // an IOException ends this worker
            output.put(Message.item(page));
            admitAll(visit, page.links());
            finished();
            return;
        }
        try {
            ParsedPage page = fetcher.fetch(client, visit.url());
            admitAll(visit, page.links());
            if (flaw == Flaw.FINISHES_BEFORE_PASSING_ON) {
                boolean last = finished() == 0;
                ParsedPage older = held.getAndSet(page);
                if (older != null) {
                    output.offer(Message.item(older));
                }
                if (last) {
                    handOnAfterTheEnd(output);
                }
                return;
            }
            output.put(Message.item(page));
        } catch (IOException | RuntimeException e) {
            // skipped
        }
        if (finished() == 0 && flaw == Flaw.FINISHES_BEFORE_PASSING_ON) {
            handOnAfterTheEnd(output);
        }
    }

    /** How many pages are still unfinished once this one is. */
    private int finished() {
        done.incrementAndGet();
        int left = unfinished.decrementAndGet();
        synchronized (over) {
            over.notifyAll();
        }
        return left;
    }

    /** The last worker still passing its page on when crawl() has already put the marker: deaf to the interrupt. */
    private void handOnAfterTheEnd(BlockingQueue<Message<ParsedPage>> output) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (endPut.getCount() > 0 && System.nanoTime() < until) {
            try {
                endPut.await(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                // the pool's shutdownNow(); this worker finishes its hand-over regardless
            }
        }
        ParsedPage page = held.getAndSet(null);
        if (page != null) {
            output.offer(Message.item(page));
        }
    }

    private void admitAll(Visit from, Set<URI> links) throws InterruptedException {
        for (URI link : links) {
            admit(link, from.depth() + 1);
        }
    }

    private void admit(URI url, int depth) throws InterruptedException {
        int deepest = switch (flaw) {
            case DEPTH_OFF_BY_ONE -> maxDepth == Integer.MAX_VALUE ? maxDepth : maxDepth + 1;
            case IGNORES_DEPTH -> Integer.MAX_VALUE;
            default -> maxDepth;
        };
        if (depth > deepest) {
            return;
        }
        int budget = switch (flaw) {
            case BUDGET_OFF_BY_ONE -> maxPages + 1;
            case BUDGET_ONE_SHORT -> maxPages - 1;
            default -> maxPages;
        };
        if (flaw == Flaw.CHECK_THEN_ADD) {
            if (visited.contains(url) || visited.size() >= budget) {
                return;
            }
            // The gap between the two steps, where another worker slips in: wide enough that on any machine
            // a worker parsing a page with the same link (every page shares some) is there in the gap.
            TimeUnit.MILLISECONDS.sleep(20);
            visited.add(url);
        } else {
            synchronized (visited) {
                if (visited.contains(url) || visited.size() >= budget) {
                    return;
                }
                visited.add(url);
            }
        }
        unfinished.incrementAndGet();
        queue.add(new Visit(url, depth));
    }
}
