package ai.asyncjava.kit.checks.ch05;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.DepthLimitedCrawlerFactory;
import ai.asyncjava.kit.simulators.shop.ShopSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hidden checks of chapter 05's depth limit: two crawls of step 2's site with 4 workers and
 * room for every page, one with maxDepth 2 and one with maxDepth 0 (the seeds alone), judged
 * against the depths in the site's map.
 */
@HiddenChecks(secondsPerCheck = 6)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepthLimitChecks {

    static final int MAX_DEPTH = 2;

    private ShopSimulator site;
    private CrawlRun two;
    private CrawlRun zero;

    @AfterAll
    void closeTheSite() {
        CheckSimulators.closeAll(site);
    }

    @Test
    @Order(1)
    @DisplayName("returns once the pages within reach are crawled, with one end marker")
    void returnsWithEndMarker(DepthLimitedCrawlerFactory crawlers) throws Exception {
        CrawlRules.requireReturnedWithEndMarker(run(crawlers, MAX_DEPTH));
    }

    @Test
    @Order(2)
    @DisplayName("fetches no page deeper than maxDepth")
    void nothingDeeper(DepthLimitedCrawlerFactory crawlers) throws Exception {
        for (int depth : List.of(MAX_DEPTH, 0)) {
            CrawlRun run = run(crawlers, depth);
            CrawlRules.requireOnly(run, site.map().reachableWithin(depth), "lie deeper than maxDepth " + depth
                    + " (the seeds are at depth 0, the pages they link to at depth 1, ...), in " + run.described()
                    + ". Carry each page's depth with it in the queue and admit a link only when its depth, the "
                    + "page's plus one, is at most maxDepth");
        }
    }

    @Test
    @Order(3)
    @DisplayName("fetches every page within maxDepth")
    void everythingWithin(DepthLimitedCrawlerFactory crawlers) throws Exception {
        for (int depth : List.of(MAX_DEPTH, 0)) {
            CrawlRun run = run(crawlers, depth);
            CrawlRules.requireFetched(run, site.map(), site.map().reachableWithin(depth), "within depth " + depth);
        }
    }

    @Test
    @Order(4)
    @DisplayName("fetches each page once")
    void eachPageOnce(DepthLimitedCrawlerFactory crawlers) throws Exception {
        CrawlRules.requireEachPageOnce(run(crawlers, MAX_DEPTH));
    }

    private CrawlRun run(DepthLimitedCrawlerFactory crawlers, int maxDepth) throws InterruptedException {
        if (maxDepth == MAX_DEPTH && two != null) {
            return two;
        }
        if (maxDepth == 0 && zero != null) {
            return zero;
        }
        CrawlRules.requireNoEarlierHang(two, zero);
        if (site == null) {
            site = CheckSimulators.shop(CrawlerChecks.SITE);
        }
        Crawler crawler = crawlers.create(CrawlerChecks.WORKERS, CrawlerChecks.UNLIMITED_PAGES, maxDepth);
        if (crawler == null) {
            fail("The factory made null instead of a crawler.");
        }
        CrawlRun run = CrawlRun.of(CrawlerChecks.WORKERS + " workers, maxPages " + CrawlerChecks.UNLIMITED_PAGES
                        + " and maxDepth " + maxDepth, CrawlerChecks.WORKERS, CrawlerChecks.UNLIMITED_PAGES, site,
                List.of(site.startUrl()), crawler, Tolerances.Ch05.CRAWL_LIMIT.atFactorOne());
        if (maxDepth == MAX_DEPTH) {
            two = run;
        } else {
            zero = run;
        }
        return run;
    }
}
