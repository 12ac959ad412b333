package ai.asyncjava.kit.checks.ch05;

import ai.asyncjava.kit.checks.CheckReport;
import ai.asyncjava.kit.checks.Exercise;
import ai.asyncjava.kit.exercises.ch02.RateLimiterFactory;
import ai.asyncjava.kit.exercises.ch05.CrawlerFactory;
import ai.asyncjava.kit.exercises.ch05.DepthLimitedCrawlerFactory;
import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.kit.exercises.ch05.ParsingCrawlerFactory;
import ai.asyncjava.kit.exercises.ch05.PoliteCrawlerFactory;
import java.util.function.Supplier;

/**
 * The checks of chapter 05, one method per exercise. A notebook's check cell is one call, left
 * as the cell's last expression so the report shows:
 *
 * <pre>{@code Chapter05.checkCrawler(BreadthFirstCrawler::new)}</pre>
 */
public final class Chapter05 {

    /** Step 1: one page and its links. */
    public static final Exercise PAGE_FETCHER =
            new Exercise("Step 1, ShopPageFetcher: one page and its same-host links", PageFetcherChecks.class);

    /** Step 2: the breadth-first crawler. */
    public static final Exercise CRAWLER =
            new Exercise("Step 2, BreadthFirstCrawler: N workers, one frontier, every page once", CrawlerChecks.class);

    /** Going further: a depth limit. */
    public static final Exercise DEPTH_LIMIT =
            new Exercise("Going further 1, BreadthFirstCrawler: no deeper than maxDepth", DepthLimitChecks.class);

    /** Going further: robots.txt and a limit per host. */
    public static final Exercise POLITE_CRAWLER =
            new Exercise("Going further 2, PoliteCrawler: robots.txt and a limit per host", PoliteCrawlerChecks.class);

    /** Going further: parsing on threads of its own. */
    public static final Exercise PARSING_CRAWLER =
            new Exercise("Going further 3, ParseOffThreadCrawler: workers that only fetch", ParsingCrawlerChecks.class);

    /** What the polite crawler's checks need: the crawler, and the chapter 02 limiter it keeps each host under. */
    public record PoliteSetup(PoliteCrawlerFactory crawlers, RateLimiterFactory limiters) {}

    private Chapter05() {}

    /** Checks a page fetcher; {@code newFetcher} makes a fresh one, {@code ShopPageFetcher::new}. */
    public static CheckReport checkPageFetcher(Supplier<? extends PageFetcher> newFetcher) {
        return PAGE_FETCHER.check(newFetcher);
    }

    /** Checks a crawler; {@code newCrawler} makes a fresh one (workers, maxPages) for every crawl. */
    public static CheckReport checkCrawler(CrawlerFactory newCrawler) {
        return CRAWLER.check(newCrawler);
    }

    /** Checks a crawler's depth limit; {@code newCrawler} makes a fresh one (workers, maxPages, maxDepth). */
    public static CheckReport checkDepthLimit(DepthLimitedCrawlerFactory newCrawler) {
        return DEPTH_LIMIT.check(newCrawler);
    }

    /**
     * Checks a polite crawler: {@code newCrawler} makes a fresh one (workers, maxPages, host limit)
     * and the host limit makes each host's limiter with {@code newLimiter}, your chapter 02
     * {@code SlidingWindowRateLimiter::new}.
     */
    public static CheckReport checkPoliteCrawler(PoliteCrawlerFactory newCrawler, RateLimiterFactory newLimiter) {
        return POLITE_CRAWLER.check(new PoliteSetup(newCrawler, newLimiter));
    }

    /** Checks a crawler that parses off its fetching threads; {@code newCrawler} makes one (workers, maxPages, parsers). */
    public static CheckReport checkParsingCrawler(ParsingCrawlerFactory newCrawler) {
        return PARSING_CRAWLER.check(newCrawler);
    }
}
