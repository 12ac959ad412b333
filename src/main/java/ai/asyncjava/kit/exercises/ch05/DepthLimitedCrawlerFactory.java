package ai.asyncjava.kit.exercises.ch05;

/**
 * Makes a crawler that also stops at a depth: the seeds are at depth 0, the pages they link to
 * at depth 1, and so on; a page deeper than {@code maxDepth} is never fetched. A class with a
 * constructor {@code (int, int, int)} is one: {@code DepthLimitedCrawler::new}.
 */
@FunctionalInterface
public interface DepthLimitedCrawlerFactory {

    /**
     * A new crawler.
     *
     * @param workers  how many pages it fetches at the same time, 1 or more
     * @param maxPages the most pages one crawl fetches, 1 or more
     * @param maxDepth the deepest a fetched page may lie, 0 or more (0: the seeds only)
     */
    Crawler create(int workers, int maxPages, int maxDepth);
}
