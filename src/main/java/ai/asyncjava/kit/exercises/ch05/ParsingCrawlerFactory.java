package ai.asyncjava.kit.exercises.ch05;

import java.util.concurrent.Executor;

/**
 * Makes a crawler whose workers only fetch: each page's HTML is parsed (jsoup, link extraction)
 * in a task on {@code parsers}, a pool of platform threads sized to the processors, while the
 * worker goes straight back to fetching. The task that parses a page also puts it on the output
 * and admits its links: the worker hands the page over and never waits for it. A class with a
 * constructor {@code (int, int, Executor)} is one: {@code ParseOffThreadCrawler::new}.
 */
@FunctionalInterface
public interface ParsingCrawlerFactory {

    /**
     * A new crawler.
     *
     * @param workers  how many pages it fetches at the same time, 1 or more
     * @param maxPages the most pages one crawl fetches, 1 or more
     * @param parsers  where every page is parsed; the crawler does not shut it down
     */
    Crawler create(int workers, int maxPages, Executor parsers);
}
