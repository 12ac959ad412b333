package ai.asyncjava.kit.exercises.ch05;

/**
 * Makes a crawler. A class with a constructor {@code (int, int)} is one:
 * {@code BreadthFirstCrawler::new}. The checks make a fresh crawler for every crawl.
 */
@FunctionalInterface
public interface CrawlerFactory {

    /**
     * A new crawler.
     *
     * @param workers  how many pages it fetches at the same time, 1 or more
     * @param maxPages the most pages one crawl fetches, 1 or more
     */
    Crawler create(int workers, int maxPages);
}
