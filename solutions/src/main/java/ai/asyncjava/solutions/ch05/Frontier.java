package ai.asyncjava.solutions.ch05;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The crawl's shared state: the queue of pages to fetch, the set of pages already admitted, the
 * page budget and the count of pages admitted but not yet finished. Every worker uses it at once.
 *
 * <p>{@code BlockingQueue} has no {@code join()}, so the frontier counts for itself: a page
 * counts as unfinished from the moment it is admitted until its worker is done with it, links
 * included. Workers admit a page's links <em>before</em> they finish the page, so the count
 * only reaches zero when the queue is empty and no worker is busy: the crawl is over.
 */
public class Frontier {

    /** A page to fetch and how many links it lies from a seed. */
    public record Visit(URI url, int depth) {}

    private final BlockingQueue<Visit> queue = new LinkedBlockingQueue<>();
    private final Set<URI> admitted = new HashSet<>(); // guarded by this
    private final int maxPages;
    private final int maxDepth;
    private int unfinished; // guarded by this
    private final CountDownLatch over = new CountDownLatch(1);

    /**
     * @param seeds    the first pages, at depth 0
     * @param maxPages the most pages ever admitted
     * @param maxDepth the deepest page admitted; {@code Integer.MAX_VALUE} for no limit
     */
    public Frontier(List<URI> seeds, int maxPages, int maxDepth) {
        this.maxPages = maxPages;
        this.maxDepth = maxDepth;
        admit(seeds, 0);
        if (unfinished == 0) {
            over.countDown(); // no seeds: nothing to crawl
        }
    }

    /** The next page to fetch; waits while the queue is empty. */
    public Visit take() throws InterruptedException {
        return queue.take();
    }

    /** Admits the links found on {@code page} that are new, as deep as allowed, within the budget. */
    public void admitLinks(Visit page, Collection<URI> links) {
        admit(links, page.depth() + 1);
    }

    /** Says a worker is done with {@code page}: fetched or failed, its links already admitted. */
    public synchronized void finished(Visit page) {
        unfinished--;
        if (unfinished == 0) {
            over.countDown();
        }
    }

    /** Waits until every admitted page is finished. */
    public void awaitOver() throws InterruptedException {
        over.await();
    }

    /** How many pages were admitted: the pages the crawl fetches. */
    public synchronized int admittedCount() {
        return admitted.size();
    }

    // The check ("seen before? budget left?") and the add must be one step, or two workers that
    // find the same link at the same moment both admit it: hence synchronized, not a concurrent set.
    private synchronized void admit(Collection<URI> urls, int depth) {
        if (depth > maxDepth) {
            return;
        }
        for (URI url : urls) {
            if (admitted.size() >= maxPages) {
                return;
            }
            if (admitted.add(url)) {
                unfinished++;
                queue.add(new Visit(url, depth));
            }
        }
    }
}
