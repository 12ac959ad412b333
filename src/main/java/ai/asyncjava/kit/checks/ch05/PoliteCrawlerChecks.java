package ai.asyncjava.kit.checks.ch05;

import static ai.asyncjava.kit.checks.Wording.count;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import ai.asyncjava.kit.exercises.ch02.RateLimiterFactory;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.HostLimit;
import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.shop.ShopConfig;
import ai.asyncjava.kit.simulators.shop.ShopQuota;
import ai.asyncjava.kit.simulators.shop.ShopRequest;
import ai.asyncjava.kit.simulators.shop.ShopSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hidden checks of chapter 05's polite crawler. One crawl from two seeds, the shop and its
 * partner site, with 4 workers and maxPages 30; each host answers in 10 ms and allows 10 requests
 * per 300 ms before it answers 429, and the crawler is told to keep to 10 per 350 ms (the quota
 * and chapter 02's margin for the time a request takes to arrive) with the learner's own limiter.
 */
@HiddenChecks(secondsPerCheck = 7)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoliteCrawlerChecks {

    static final int WORKERS = 4;
    static final int MAX_PAGES = 30;
    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMillis(300);
    /**
     * Added to the window the crawler is told: a permit and the request's arrival are milliseconds
     * apart, and on a busy machine not always the same milliseconds (chapter 02's margin).
     */
    static final Duration MARGIN = Duration.ofMillis(50);

    static final ShopConfig SITE = ShopConfig.fast()
            .withLatency(LatencyModel.fixed(Duration.ofMillis(10)))
            .withQuota(ShopQuota.perWindow(LIMIT, WINDOW));

    private ShopSimulator site;
    private CrawlRun run;
    /** Permits the crawl's limiters gave out. */
    private final AtomicInteger permits = new AtomicInteger();

    @AfterAll
    void closeTheSite() {
        CheckSimulators.closeAll(site);
    }

    @Test
    @Order(1)
    @DisplayName("reads each host's robots.txt once, before any other page of that host")
    void robotsFirst(Chapter05.PoliteSetup setup) throws Exception {
        CrawlRun crawl = crawl(setup);
        for (String host : hosts()) {
            List<ShopRequest> ofHost = crawl.requests().stream().filter(r -> r.host().equals(host)).toList();
            long robots = ofHost.stream().filter(ShopRequest::robots).count();
            if (ofHost.isEmpty()) {
                fail("The crawl sent no request to " + host + ", though one of its seeds is there.");
            }
            if (robots == 0) {
                fail("The crawl never asked " + host + " for /robots.txt. Read it before the host's first page, with "
                        + "crawler-commons' SimpleRobotRulesParser, and keep the rules for the rest of the crawl.");
            }
            if (robots > 1) {
                fail("The crawl asked " + host + " for /robots.txt " + robots + " times. Read it once per host and keep "
                        + "the rules, in a map from host to rules.");
            }
            if (!ofHost.getFirst().robots()) {
                fail("The crawl's first request to " + host + " was " + ofHost.getFirst().target() + ", before it had "
                        + "read /robots.txt: the rules must be known before the first page is fetched.");
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("fetches no page that robots.txt disallows")
    void obeysRobots(Chapter05.PoliteSetup setup) throws Exception {
        CrawlRun crawl = crawl(setup);
        CrawlRules.requireSomePages(crawl);
        for (ShopRequest request : crawl.requests()) {
            URI url = URI.create("http://" + request.host() + request.target());
            if (!request.robots() && site.map().disallowed(url)) {
                fail("The crawl fetched " + url + ", which robots.txt disallows for every user agent. Ask the "
                        + "host's rules, rules.isAllowed(url), before a link goes into the frontier.");
            }
            String agent = request.userAgent() == null ? "" : request.userAgent();
            if (!agent.contains(PageFetcher.USER_AGENT)) {
                fail("The request for " + url + " came with the User-Agent \"" + agent + "\": robots.txt speaks to "
                        + "crawlers by name, so send " + PageFetcher.USER_AGENT + " in every request.");
            }
        }
    }

    @Test
    @Order(3)
    @DisplayName("keeps each host under its limit: no 429, never more than 10 requests in 300 ms")
    void underTheLimit(Chapter05.PoliteSetup setup) throws Exception {
        CrawlRun crawl = crawl(setup);
        CrawlRules.requireSomePages(crawl);
        long refused = crawl.requests().stream().filter(r -> r.status() == 429).count();
        Duration window = WINDOW.minus(Tolerances.Ch05.WINDOW_JITTER.get());
        for (String host : hosts()) {
            // The site's log still holds this crawl and nothing else: the checks share one run.
            int most = site.log().maxArrivalsInWindow(host, window);
            if (most > LIMIT) {
                fail(count(most, "request") + " reached " + host + " within " + Wording.duration(window)
                        + "; the site allows " + LIMIT + " per " + Wording.duration(WINDOW) + " and the crawler was "
                        + "told " + LIMIT + " per " + Wording.duration(WINDOW.plus(MARGIN)) + " for each host"
                        + (refused > 0 ? ", and the site answered " + count(refused, "request") + " with 429" : "")
                        + ". Give each host a limiter of its own, limit.limiters().create(limit.requests(), "
                        + "limit.window()), made once per host and kept in a map, and call acquire() before every "
                        + "request to that host, robots.txt included." + redirectHint(crawl, host));
            }
        }
        int requests = crawl.requests().size();
        if (requests > permits.get()) {
            String redirects = hosts().stream().map(host -> redirectHint(crawl, host)).filter(h -> !h.isEmpty())
                    .findFirst().orElse(" Call acquire() on the host's limiter before every request, robots.txt included.");
            fail(count(requests, "request") + " reached the hosts, but the limiters made with limit.limiters() gave "
                    + count(permits.get(), "permit") + ": " + count(requests - permits.get(), "request")
                    + " went without one." + redirects);
        }
        if (refused > 0) {
            fail("The site answered " + count(refused, "request") + " with 429 Too Many Requests. Does your limiter "
                    + "pass Chapter02.checkSlidingWindow, and does every request wait for it?");
        }
    }

    /** The learner's limiters, each permit counted: a request sent without one shows whatever the timing. */
    private RateLimiterFactory counted(RateLimiterFactory limiters) {
        return (requests, window) -> {
            RateLimiter limiter = Objects.requireNonNull(limiters.create(requests, window),
                    "the limiter factory made null instead of a limiter");
            return () -> {
                limiter.acquire();
                permits.incrementAndGet();
            };
        };
    }

    @Test
    @Order(4)
    @DisplayName("still crawls: maxPages pages, each once, then one end marker")
    void stillCrawls(Chapter05.PoliteSetup setup) throws Exception {
        CrawlRun crawl = crawl(setup);
        CrawlRules.requireReturnedWithEndMarker(crawl);
        CrawlRules.requireEachPageOnce(crawl);
        int fetched = crawl.pageFetches().size();
        if (fetched != MAX_PAGES) {
            fail("With maxPages " + MAX_PAGES + " the polite crawl fetched " + count(fetched, "page") + " (robots.txt "
                    + "not counted), and more are allowed and reachable. Drop disallowed links before they are "
                    + "admitted, so they do not use up the budget.");
        }
    }

    /** When a redirect came in: HttpClient follows it as a second request that the limiter never sees. */
    private static String redirectHint(CrawlRun crawl, String host) {
        return crawl.requests().stream().filter(r -> r.host().equals(host) && r.status() / 100 == 3).findFirst()
                .map(r -> " The site answered " + r.target() + " with a redirect (" + r.status() + "): a client that "
                        + "follows redirects sends the second request on its own, without a permit. Build the polite "
                        + "crawler's client with Redirect.NEVER and follow the Location header yourself, one permit "
                        + "per request.")
                .orElse("");
    }

    private List<String> hosts() {
        return List.of(site.shopHost(), site.partnerHost());
    }

    private CrawlRun crawl(Chapter05.PoliteSetup setup) throws InterruptedException {
        if (run != null) {
            return run;
        }
        if (site == null) {
            site = CheckSimulators.shop(SITE);
        }
        HostLimit limit = new HostLimit(LIMIT, WINDOW.plus(MARGIN), counted(setup.limiters()));
        Crawler crawler = setup.crawlers().create(WORKERS, MAX_PAGES, limit);
        if (crawler == null) {
            fail("The factory made null instead of a crawler.");
        }
        List<URI> seeds = List.of(site.startUrl(), URI.create(site.partnerBaseUrl() + "/"));
        run = CrawlRun.of(WORKERS + " workers, maxPages " + MAX_PAGES + " and a limit of " + LIMIT + " requests per "
                + Wording.duration(WINDOW.plus(MARGIN)) + " per host", WORKERS, MAX_PAGES, site, seeds, crawler,
                Tolerances.Ch05.POLITE_CRAWL_LIMIT.atFactorOne());
        return run;
    }
}
