package ai.asyncjava.kit.checks.ch05;

import static ai.asyncjava.kit.checks.Wording.count;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import ai.asyncjava.kit.simulators.shop.ShopConfig;
import ai.asyncjava.kit.simulators.shop.ShopRequest;
import ai.asyncjava.kit.simulators.shop.ShopSimulator;
import ai.asyncjava.kit.simulators.shop.SiteMap;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hidden checks of chapter 05's step 1, the page fetcher. It fetches every page of the shop
 * site (no latency) through the check's own client, and each page's links are compared with the
 * site's map: the site links to its pages under every spelling a real site uses. One fetch of the
 * whole site serves all the checks.
 */
@HiddenChecks(secondsPerCheck = 5)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageFetcherChecks {

    /** What the fetcher gave for one page: a page, or what it threw. */
    private record Fetched(URI url, ParsedPage page, Throwable thrown) {}

    /** The fetches of every page, then of the redirect, then of the two broken pages. */
    private record Fetches(List<Fetched> pages, Fetched redirect, List<Fetched> broken, List<ShopRequest> requests,
                           long newConnections) {}

    private ShopSimulator site;
    private HttpClient client;
    private Fetches fetches;

    @AfterAll
    void closeTheSite() {
        CheckSimulators.closeAll(client, site);
    }

    @Test
    @Order(1)
    @DisplayName("keeps only http links to the page's own host and port")
    void onlySameHostWebLinks(Supplier<? extends PageFetcher> fetchers) throws Exception {
        for (Fetched fetched : fetchAll(fetchers).pages()) {
            if (fetched.page() == null) {
                continue; // the third check reports it
            }
            for (URI link : fetched.page().links()) {
                String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase();
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    fail("The links of " + CrawlRules.path(fetched.url()) + " include " + link + ". A " + scheme
                            + ": link is not a web page: keep only http and https links.");
                }
                if (!link.getRawAuthority().equalsIgnoreCase(fetched.url().getRawAuthority())) {
                    fail("The links of " + CrawlRules.path(fetched.url()) + " include " + link + ", on "
                            + link.getRawAuthority() + ", while the page is on " + fetched.url().getRawAuthority()
                            + "." + (link.getHost().equals(fetched.url().getHost())
                            ? " Same IP, another port: another site. Compare the host and the port." : ""));
                }
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("gives each link one spelling: no fragment, tracking parameter or trailing slash")
    void oneSpellingPerLink(Supplier<? extends PageFetcher> fetchers) throws Exception {
        SiteMap map = site.map();
        for (Fetched fetched : fetchAll(fetchers).pages()) {
            if (fetched.page() == null) {
                continue;
            }
            for (URI link : fetched.page().links()) {
                if (!link.getRawAuthority().equalsIgnoreCase(fetched.url().getRawAuthority())) {
                    continue; // the first check reports it
                }
                URI canonical = map.canonical(link);
                if (!canonical.equals(link)) {
                    fail("The links of " + CrawlRules.path(fetched.url()) + " include " + link + ", which is "
                            + CrawlRules.path(canonical) + " spelled " + spellingOf(link) + ". One page, one spelling, "
                            + "or the crawler fetches it twice: drop the #fragment, the utm_* and ref parameters, and "
                            + "a trailing slash (but keep \"/\" on its own, and keep other parameters such as ?page=2).");
                }
            }
        }
    }

    @Test
    @Order(3)
    @DisplayName("finds every same-host link, relative or absolute")
    void everyLink(Supplier<? extends PageFetcher> fetchers) throws Exception {
        SiteMap map = site.map();
        for (Fetched fetched : fetchAll(fetchers).pages()) {
            if (fetched.page() == null) {
                fail("fetch(client, " + fetched.url() + ") threw " + Wording.exception(fetched.thrown())
                        + ", though the page answers 200 OK.");
            }
            Set<URI> expected = map.linksOf(fetched.url());
            Set<URI> found = new TreeSet<>();
            fetched.page().links().forEach(link -> found.add(map.canonical(link)));
            Set<URI> missing = new TreeSet<>(expected);
            missing.removeAll(found);
            if (!missing.isEmpty()) {
                fail("The links of " + CrawlRules.path(fetched.url()) + " miss " + count(missing.size(), "page")
                        + " it links to: " + CrawlRules.listed(missing) + " (" + count(expected.size(), "page")
                        + " in all). Its links come in every form: relative (product/3, ../product/3), root-relative "
                        + "(/product/3) and absolute; jsoup's attr(\"abs:href\") resolves them all against the page's "
                        + "address. Keep query parameters other than utm_* and ref: ?page=2 is another page.");
            }
            Set<URI> unknown = new TreeSet<>(found);
            unknown.removeAll(expected);
            unknown.removeIf(link -> !link.getRawAuthority().equalsIgnoreCase(fetched.url().getRawAuthority()));
            if (!unknown.isEmpty()) {
                fail("The links of " + CrawlRules.path(fetched.url()) + " include " + CrawlRules.listed(unknown)
                        + ", which the page does not link to. Resolve each href against the page's own address.");
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("after a redirect, gives the page's final address and resolves its links against it")
    void followsTheRedirect(Supplier<? extends PageFetcher> fetchers) throws Exception {
        SiteMap map = site.map();
        Fetched fetched = fetchAll(fetchers).redirect();
        String asked = "fetch(client, " + CrawlRules.path(map.redirectSource()) + ")";
        if (fetched.page() == null) {
            fail(asked + " threw " + Wording.exception(fetched.thrown()) + ". The site answers it with a 301 redirect to "
                    + CrawlRules.path(map.redirectTarget()) + ", and the check's client follows redirects: the page "
                    + "to parse is the one at the end.");
        }
        if (!map.canonical(fetched.page().url()).equals(map.redirectTarget())) {
            fail(asked + " gave a page whose url is " + fetched.page().url() + ". The answer came from "
                    + map.redirectTarget() + ", after a redirect: use response.uri(), not the address you asked for.");
        }
        Set<URI> found = new TreeSet<>();
        fetched.page().links().forEach(link -> found.add(map.canonical(link)));
        Set<URI> missing = new TreeSet<>(map.linksOf(map.redirectTarget()));
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            fail(asked + " missed the link " + CrawlRules.path(missing.iterator().next()) + ". The page at "
                    + CrawlRules.path(map.redirectTarget()) + " links to it relatively: resolve its links against "
                    + "response.uri(), the address the page came from, not the one you asked for.");
        }
    }

    @Test
    @Order(5)
    @DisplayName("throws an IOException for a 404 or a 500 answer")
    void errorStatusThrows(Supplier<? extends PageFetcher> fetchers) throws Exception {
        Fetches all = fetchAll(fetchers);
        for (Fetched fetched : all.broken()) {
            int status = all.requests().stream().filter(r -> fetched.url().equals(r.page()))
                    .mapToInt(ShopRequest::status).findFirst().orElse(0);
            if (fetched.page() != null) {
                fail("fetch(client, " + CrawlRules.path(fetched.url()) + ") returned a page, though the site answered "
                        + status + ". HttpClient does not throw for an error status: check response.statusCode() "
                        + "and throw an IOException that names it.");
            }
            if (!(fetched.thrown() instanceof IOException)) {
                fail("fetch(client, " + CrawlRules.path(fetched.url()) + ") threw " + Wording.exception(fetched.thrown())
                        + " for the site's " + status + "; the contract says IOException, the exception a crawler's "
                        + "worker catches to skip a page.");
            }
        }
    }

    @Test
    @Order(6)
    @DisplayName("sends one GET per page, through the client it is given, naming the crawler")
    void oneRequestPerFetch(Supplier<? extends PageFetcher> fetchers) throws Exception {
        Fetches all = fetchAll(fetchers);
        int calls = all.pages().size() + 1 + all.broken().size();
        // the redirect is two requests: the 301 and the page
        long requests = all.requests().stream().filter(r -> !(r.status() >= 300 && r.status() < 400)).count();
        if (requests != calls) {
            fail("The check called fetch(...) " + calls + " times and the site received " + requests + " requests. "
                    + "Fetch each page with exactly one GET.");
        }
        if (all.newConnections() > 1 + Tolerances.Ch05.EXTRA_CONNECTIONS) {
            fail("The site saw " + all.newConnections() + " new connections for " + calls + " fetches made one after "
                    + "another, so fetch(...) did not send through the client it was given. Use that client: it "
                    + "keeps its connections open for the next request.");
        }
        for (ShopRequest request : all.requests()) {
            String agent = request.userAgent() == null ? "" : request.userAgent();
            if (!agent.contains(PageFetcher.USER_AGENT)) {
                fail("The request for " + request.target() + " came with the User-Agent \"" + agent + "\". Name the "
                        + "crawler: .header(\"User-Agent\", PageFetcher.USER_AGENT + \"/1.0\") on the request.");
            }
        }
    }

    private static String spellingOf(URI link) {
        List<String> ways = new ArrayList<>();
        if (link.getRawFragment() != null) {
            ways.add("with the fragment #" + link.getRawFragment());
        }
        if (link.getRawQuery() != null && (link.getRawQuery().contains("utm_") || link.getRawQuery().matches("(.*&)?ref=.*"))) {
            ways.add("with tracking parameters (" + link.getRawQuery() + ")");
        }
        if (link.getRawPath() != null && link.getRawPath().length() > 1 && link.getRawPath().endsWith("/")) {
            ways.add("with a trailing slash");
        }
        return ways.isEmpty() ? "another way" : String.join(" and ", ways);
    }

    private Fetches fetchAll(Supplier<? extends PageFetcher> fetchers) throws Exception {
        if (fetches != null) {
            return fetches;
        }
        if (site == null) {
            site = CheckSimulators.shop(ShopConfig.fast());
            client = CheckSimulators.outsideTheCheck(() -> HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build());
        }
        PageFetcher fetcher = fetchers.get();
        if (fetcher == null) {
            fail("The factory made null instead of a page fetcher.");
        }
        SiteMap map = site.map();
        site.reset();
        BoundedRun.Outcome<Fetches> outcome = BoundedRun.call("fetch(...)", Tolerances.Ch05.FETCH_LIMIT.atFactorOne(), () -> {
            List<Fetched> pages = new ArrayList<>();
            for (URI url : map.okPages()) {
                if (!url.equals(map.redirectTarget())) {
                    pages.add(fetchOne(fetcher, url));
                }
            }
            Fetched redirect = fetchOne(fetcher, map.redirectSource());
            List<Fetched> broken = new ArrayList<>();
            for (URI url : map.brokenPages()) {
                broken.add(fetchOne(fetcher, url));
            }
            return new Fetches(pages, redirect, broken, List.of(), 0);
        });
        Fetches done = outcome.resultOrRethrow();
        fetches = new Fetches(done.pages(), done.redirect(), done.broken(), site.log().requests(),
                site.log().newConnections());
        return fetches;
    }

    private Fetched fetchOne(PageFetcher fetcher, URI url) throws InterruptedException {
        try {
            ParsedPage page = fetcher.fetch(client, url);
            if (page == null) {
                fail("fetch(client, " + url + ") returned null instead of a ParsedPage.");
            }
            return new Fetched(url, page, null);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            return new Fetched(url, null, e);
        }
    }
}
