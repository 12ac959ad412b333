package ai.asyncjava.kit.checks.ch05;

import static ai.asyncjava.kit.checks.Wording.count;
import static ai.asyncjava.kit.checks.Wording.ordinal;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.CpuWhileWaiting;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.CrawlerFactory;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.shop.ShopConfig;
import ai.asyncjava.kit.simulators.shop.ShopRequest;
import ai.asyncjava.kit.simulators.shop.ShopSimulator;
import ai.asyncjava.kit.simulators.shop.SiteMap;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hidden checks of chapter 05's step 2, the breadth-first crawler. Three crawls of the shop
 * site (50 pages, 20 ms a page, a few pages five times slower, two broken ones) are judged against
 * the site's own map: the whole site with 4 workers, a budget of 15 pages with 4 workers, and the
 * whole site with one worker (where breadth-first order is exact, and a worker that a broken page
 * kills is the only one). Each crawl runs once, when a check first needs it: one instance of this
 * class serves one run of the checks. A last, short crawl of a site whose pages take 400 ms
 * measures the processor time while all but one worker have nothing to do.
 */
@HiddenChecks(secondsPerCheck = 6)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrawlerChecks {

    static final int WORKERS = 4;
    static final int LIMITED_PAGES = 15;
    /** More than the site has: the crawl ends when the site does. */
    static final int UNLIMITED_PAGES = 500;

    static final ShopConfig SITE = ShopConfig.fast()
            .withLatency(LatencyModel.fixed(Duration.ofMillis(20)))
            .withSlowFactor(5);

    /** A site whose every page takes 400 ms: while the start page is on its way, the other workers have nothing to do. */
    static final ShopConfig SLOW_SITE = ShopConfig.fast().withLatency(LatencyModel.fixed(Duration.ofMillis(400)));
    /** When the check starts measuring, after the crawl began: time for the workers to start and the first request to go. */
    static final Duration SETTLE = Duration.ofMillis(60);
    static final Duration CPU_WINDOW = Duration.ofMillis(300);

    private ShopSimulator site;
    private ShopSimulator slowSite;
    private CrawlRun whole;
    private CrawlRun limited;
    private CrawlRun single;

    @AfterAll
    void closeTheSites() {
        CheckSimulators.closeAll(site, slowSite);
    }

    @Test
    @Order(1)
    @DisplayName("returns once the site is crawled, with one end marker after the last page")
    void returnsWithEndMarker(CrawlerFactory crawlers) throws Exception {
        CrawlRules.requireReturnedWithEndMarker(whole(crawlers));
    }

    @Test
    @Order(2)
    @DisplayName("fetches every page reachable from the start")
    void everyReachablePage(CrawlerFactory crawlers) throws Exception {
        CrawlRun run = whole(crawlers);
        CrawlRules.requireFetched(run, site.map(), site.map().reachable(), "reachable from " + CrawlRules.path(site.startUrl()));
    }

    @Test
    @Order(3)
    @DisplayName("fetches each page once, whatever the spelling of its links")
    void eachPageOnce(CrawlerFactory crawlers) throws Exception {
        CrawlRules.requireEachPageOnce(whole(crawlers));
    }

    @Test
    @Order(4)
    @DisplayName("stays on the shop's host: no other site, no mailto: or javascript: link")
    void staysOnTheSite(CrawlerFactory crawlers) throws Exception {
        CrawlRules.requireOnTheSite(whole(crawlers), site.shopHost());
    }

    @Test
    @Order(5)
    @DisplayName("puts every page it fetched on the output queue once, and no error page")
    void emitsEachPageOnce(CrawlerFactory crawlers) throws Exception {
        CrawlRun run = whole(crawlers);
        CrawlRules.requireEachPageEmittedOnce(run, site.map());
    }

    @Test
    @Order(6)
    @DisplayName("fetches exactly maxPages pages when more are reachable")
    void stopsAtMaxPages(CrawlerFactory crawlers) throws Exception {
        CrawlRun run = limited(crawlers);
        CrawlRules.requireReturnedWithEndMarker(run);
        int fetched = run.pageFetches().size();
        if (fetched > LIMITED_PAGES) {
            fail("With maxPages " + LIMITED_PAGES + " the crawl sent " + fetched + " page requests. Stop admitting "
                    + "links once maxPages have been admitted, seeds included, and check the count in the same "
                    + "atomic step that adds to the visited set, or two workers can both take the last place.");
        }
        if (fetched < LIMITED_PAGES) {
            fail("With maxPages " + LIMITED_PAGES + " the crawl fetched only " + count(fetched, "page") + ", though "
                    + site.map().reachable().size() + " are reachable. Count the pages you admit, not the ones that "
                    + "succeed, and keep admitting links until the count reaches maxPages.");
        }
        int emitted = run.pages().size();
        if (emitted > LIMITED_PAGES) {
            fail("With maxPages " + LIMITED_PAGES + " the crawl put " + emitted + " pages on the output queue.");
        }
    }

    @Test
    @Order(7)
    @DisplayName("takes pages in breadth-first order")
    void breadthFirst(CrawlerFactory crawlers) throws Exception {
        CrawlRun run = single(crawlers);
        SiteMap map = site.map();
        List<ShopRequest> fetches = run.pageFetches().stream().filter(r -> r.page() != null
                && map.depths().containsKey(r.page())).toList();
        if (fetches.size() < 2) {
            fail("With one worker the crawl fetched "
                    + count(fetches.size(), "page") + " of the site: too few to see an order.");
        }
        int deepest = 0;
        ShopRequest deepestRequest = fetches.getFirst();
        for (int i = 0; i < fetches.size(); i++) {
            ShopRequest request = fetches.get(i);
            int depth = map.depths().get(request.page());
            if (depth < deepest) {
                fail("With one worker, the " + ordinal(i + 1) + " page fetched was " + request.target() + ", "
                        + count(depth, "link") + " from the start, but " + deepestRequest.target() + ", "
                        + count(deepest, "link") + " away, had been fetched before it. Breadth first takes every "
                        + "page at one depth before any deeper one: take pages from the head of a FIFO queue "
                        + "(LinkedBlockingQueue), and add new links at its tail.");
            }
            if (depth > deepest) {
                deepest = depth;
                deepestRequest = request;
            }
        }
    }

    @Test
    @Order(8)
    @DisplayName("goes on after a broken or slow page, even with one worker")
    void survivesBrokenPages(CrawlerFactory crawlers) throws Exception {
        CrawlRun run = single(crawlers);
        CrawlRules.requireReturnedWithEndMarker(run);
        CrawlRules.requireFetched(run, site.map(), site.map().reachable(), "reachable from the start");
    }

    @Test
    @Order(9)
    @DisplayName("fetches with all its workers at once")
    void workersAtOnce(CrawlerFactory crawlers) throws Exception {
        CrawlRun run = whole(crawlers);
        int peak = peakInFlight(run);
        if (peak < WORKERS - Tolerances.Ch05.MISSING_WORKERS) {
            fail("With " + WORKERS + " workers, at most " + count(peak, "request") + " were in flight at once: "
                    + (peak <= 1 ? "the workers took turns. Is a lock held while a page is fetched? Hold it only "
                    + "for the visited set, never across client.send(...)." : "not all the workers fetched at the "
                    + "same time. Start every worker on its own virtual thread, all sharing the one frontier."));
        }
    }

    @Test
    @Order(10)
    @DisplayName("shares one HttpClient between all its workers")
    void oneClient(CrawlerFactory crawlers) throws Exception {
        CrawlRun run = whole(crawlers);
        CrawlRules.requireSomePages(run);
        long allowed = 2L * WORKERS + Tolerances.Ch05.EXTRA_CONNECTIONS;
        if (run.newConnections() > allowed) {
            fail("The site saw " + run.newConnections() + " new connections for " + run.requests().size()
                    + " requests from " + WORKERS + " workers. A new HttpClient per request opens a new connection "
                    + "(and leaves its threads behind) every time: build one client for the whole crawl, and let "
                    + "every worker send through it.");
        }
    }

    @Test
    @Order(11)
    @DisplayName("waits without using the processor while there is nothing to fetch")
    void waitsWithoutSpinning(CrawlerFactory crawlers) throws Exception {
        if (!CpuWhileWaiting.supported()) {
            return; // this JVM cannot measure threads' processor time
        }
        CrawlRules.requireNoEarlierHang(whole, limited, single);
        if (slowSite == null) {
            slowSite = CheckSimulators.shop(SLOW_SITE);
        }
        Crawler crawler = crawlers.create(WORKERS, 1);
        if (crawler == null) {
            fail("The factory made null instead of a crawler.");
        }
        AtomicReference<CpuWhileWaiting.Reading> reading = new AtomicReference<>();
        CrawlRun run = CrawlRun.of(count(WORKERS, "worker") + " and maxPages 1, the page taking 400 ms", WORKERS, 1,
                slowSite, List.of(slowSite.startUrl()), crawler, Tolerances.Ch05.CRAWL_LIMIT.atFactorOne(), caller -> {
                    Thread.sleep(SETTLE);
                    reading.set(CpuWhileWaiting.measure(CPU_WINDOW, Tolerances.Ch05.CPU_WHILE_WAITING));
                });
        CrawlRules.requireReturnedWithEndMarker(run);
        if (reading.get().busy()) {
            fail("While the one page of " + run.described() + " was on its way, " + reading.get().described()
                    + ". The other workers had nothing to do, and one of them kept a core busy doing it: a loop around "
                    + "poll() (or poll(0, ...)) never waits. Wait in take(), which blocks until a page arrives, or in "
                    + "poll with a timeout.");
        }
    }

    private CrawlRun whole(CrawlerFactory crawlers) throws InterruptedException {
        if (whole == null) {
            whole = crawl(crawlers, WORKERS, UNLIMITED_PAGES);
        }
        return whole;
    }

    private CrawlRun limited(CrawlerFactory crawlers) throws InterruptedException {
        if (limited == null) {
            limited = crawl(crawlers, WORKERS, LIMITED_PAGES);
        }
        return limited;
    }

    private CrawlRun single(CrawlerFactory crawlers) throws InterruptedException {
        if (single == null) {
            single = crawl(crawlers, 1, UNLIMITED_PAGES);
        }
        return single;
    }

    private CrawlRun crawl(CrawlerFactory crawlers, int workers, int maxPages) throws InterruptedException {
        CrawlRules.requireNoEarlierHang(whole, limited, single);
        if (site == null) {
            site = CheckSimulators.shop(SITE);
        }
        Crawler crawler = crawlers.create(workers, maxPages);
        if (crawler == null) {
            fail("The factory made null instead of a crawler.");
        }
        String scenario = count(workers, "worker") + " and maxPages " + maxPages;
        return CrawlRun.of(scenario, workers, maxPages, site, List.of(site.startUrl()), crawler,
                Tolerances.Ch05.CRAWL_LIMIT.atFactorOne());
    }

    private static int peakInFlight(CrawlRun run) {
        return CrawlRules.peakInFlight(run.requests());
    }
}
