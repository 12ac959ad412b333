package ai.asyncjava.kit.checks.ch05;

import static ai.asyncjava.kit.checks.Wording.count;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch04.TimedQueue;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import ai.asyncjava.kit.exercises.ch05.ParsingCrawlerFactory;
import ai.asyncjava.kit.simulators.shop.ShopSimulator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hidden checks of chapter 05's parsing on threads of its own: one crawl of step 2's site with
 * 4 workers and room for every page, given a pool of two platform threads named
 * {@value #PARSER_PREFIX}N that counts the tasks it runs. A page parsed on the parsers is put on the
 * output by a parser thread, so the output queue says where each page was parsed.
 */
@HiddenChecks(secondsPerCheck = 6)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParsingCrawlerChecks {

    static final String PARSER_PREFIX = "check's parser ";
    static final int PARSERS = 2;

    private ShopSimulator site;
    private ExecutorService pool;
    private final AtomicInteger tasks = new AtomicInteger();
    private CrawlRun run;

    @AfterAll
    void closeEverything() {
        if (pool != null) {
            CheckSimulators.close(pool::shutdownNow);
        }
        CheckSimulators.closeAll(site);
    }

    @Test
    @Order(1)
    @DisplayName("returns once the site is crawled, with one end marker after the last page")
    void returnsWithEndMarker(ParsingCrawlerFactory crawlers) throws Exception {
        CrawlRules.requireReturnedWithEndMarker(crawl(crawlers));
    }

    @Test
    @Order(2)
    @DisplayName("parses every page in a task on the parsers, which passes it on")
    void parsesOnTheParsers(ParsingCrawlerFactory crawlers) throws Exception {
        CrawlRun crawl = crawl(crawlers);
        if (tasks.get() == 0) {
            fail("The crawler gave the parsers no task at all: submit each fetched page's parsing to them, "
                    + "parsers.execute(() -> ...).");
        }
        for (TimedQueue.Put<ParsedPage> put : crawl.output()) {
            if (put.message() instanceof Message.Item<ParsedPage>(ParsedPage page) && !put.thread().startsWith(PARSER_PREFIX)) {
                fail("The page " + page.url() + " was put on the output queue by the thread \"" + put.thread()
                        + "\", not by a parser. Let the parser task build the page, put it on the output and admit "
                        + "its links; the worker hands over the HTML and goes straight back to fetching.");
            }
        }
        int pages = crawl.pages().size();
        if (tasks.get() < pages) {
            fail("The parsers ran " + count(tasks.get(), "task") + " for " + count(pages, "page") + "; parse every page there.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("still fetches every reachable page once")
    void stillCrawls(ParsingCrawlerFactory crawlers) throws Exception {
        CrawlRun crawl = crawl(crawlers);
        CrawlRules.requireFetched(crawl, site.map(), site.map().reachable(), "reachable from the start");
        CrawlRules.requireEachPageOnce(crawl);
        CrawlRules.requireEachPageEmittedOnce(crawl, site.map());
    }

    private CrawlRun crawl(ParsingCrawlerFactory crawlers) throws InterruptedException {
        if (run != null) {
            return run;
        }
        if (site == null) {
            site = CheckSimulators.shop(CrawlerChecks.SITE);
            AtomicInteger threads = new AtomicInteger();
            pool = CheckSimulators.outsideTheCheck(() -> Executors.newFixedThreadPool(PARSERS, task -> {
                Thread thread = new Thread(task, PARSER_PREFIX + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }));
        }
        Crawler crawler = crawlers.create(CrawlerChecks.WORKERS, CrawlerChecks.UNLIMITED_PAGES, task -> {
            tasks.incrementAndGet();
            pool.execute(task);
        });
        if (crawler == null) {
            fail("The factory made null instead of a crawler.");
        }
        run = CrawlRun.of(CrawlerChecks.WORKERS + " workers, maxPages " + CrawlerChecks.UNLIMITED_PAGES + " and "
                        + PARSERS + " parser threads", CrawlerChecks.WORKERS, CrawlerChecks.UNLIMITED_PAGES, site,
                List.of(site.startUrl()), crawler, Tolerances.Ch05.CRAWL_LIMIT.atFactorOne());
        return run;
    }
}
