package ai.asyncjava.kit.checks.ch05;

import static ai.asyncjava.kit.checks.Wording.count;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch04.TimedQueue;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import ai.asyncjava.kit.simulators.LogFigures;
import ai.asyncjava.kit.simulators.shop.ShopRequest;
import ai.asyncjava.kit.simulators.shop.SiteMap;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules every crawler of the chapter keeps, each judged on a {@link CrawlRun} against the
 * site's own map. Each fails with the first broken rule, in the learner's terms.
 */
final class CrawlRules {

    /** How many URLs a message lists before it says "and N more". */
    private static final int SHOWN = 4;

    private CrawlRules() {}

    /** crawl() returned, and put the end marker on the output once, after every page. */
    static void requireReturnedWithEndMarker(CrawlRun run) {
        if (!run.outcome().returned()) {
            fail("crawl(...) did not return within " + Wording.seconds(run.outcome().limit()) + " in " + run.described()
                    + ", though the site has no more pages to give after well under a second. "
                    + brokenPagesHint(run) + "The crawl is over when the queue is empty and no worker is busy: "
                    + "count the pages admitted but not yet finished, and finish each one in a finally block. "
                    + "Still waiting: " + run.outcome().stuck());
        }
        if (run.outcome().failure() != null) {
            fail("crawl(...) threw " + Wording.exception(run.outcome().failure()) + " in " + run.described()
                    + ". A page that fails is skipped; the crawl itself ends normally.");
        }
        List<TimedQueue.Put<ParsedPage>> output = run.output();
        long ends = output.stream().filter(put -> put.message() instanceof Message.EndOfStream).count();
        if (ends == 0) {
            fail("crawl(...) returned without putting Message.end() on the output queue, so the logger reading it "
                    + "would wait for ever. Put the marker on once every worker is done, then return.");
        }
        if (ends > 1) {
            fail("The end marker was put on the output queue " + ends + " times (once per worker?); put it there "
                    + "once, after every worker is done.");
        }
        if (!(output.getLast().message() instanceof Message.EndOfStream)) {
            int end = indexOfEnd(output);
            fail(count(output.size() - 1 - end, "page") + " came out after the end marker, put by "
                    + output.get(end + 1).thread() + ". The logger stops at the marker and would lose "
                    + (output.size() - 1 - end == 1 ? "it" : "them") + ": wait until every worker is done, then "
                    + "put the marker.");
        }
    }

    /** Some page was fetched: a check of what a crawl fetched judges nothing when it fetched nothing. */
    static void requireSomePages(CrawlRun run) {
        if (run.pageFetches().isEmpty()) {
            fail("The crawl fetched no page at all in " + run.described() + ", so there is nothing to judge here yet.");
        }
    }

    /** No page was fetched twice, under the same spelling or another. */
    static void requireEachPageOnce(CrawlRun run) {
        requireSomePages(run);
        Map<URI, List<ShopRequest>> byPage = new LinkedHashMap<>();
        for (ShopRequest request : run.pageFetches()) {
            if (request.page() != null) {
                byPage.computeIfAbsent(request.page(), page -> new ArrayList<>()).add(request);
            }
        }
        List<Map.Entry<URI, List<ShopRequest>>> twice = byPage.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1).toList();
        if (twice.isEmpty()) {
            return;
        }
        Map.Entry<URI, List<ShopRequest>> first = twice.getFirst();
        Set<String> spellings = first.getValue().stream().map(ShopRequest::target)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        String which = count(twice.size(), "page") + " fetched more than once in " + run.described() + "; "
                + path(first.getKey()) + " " + first.getValue().size() + " times";
        if (spellings.size() > 1) {
            fail(which + ", as " + String.join(" and ", spellings) + ". These are one page: normalise every link "
                    + "before the visited set sees it (no #fragment, no utm_* or ref parameter, no trailing slash).");
        }
        fail(which + ", each time as " + spellings.iterator().next() + ". Two workers found the link at the same "
                + "moment and both admitted it: make \"seen before?\" and \"add\" one atomic step (one synchronized "
                + "block around both, or the boolean that Set.add returns on a concurrent set).");
    }

    /** Every page of {@code expected} was fetched (an error page counts as fetched). */
    static void requireFetched(CrawlRun run, SiteMap map, Set<URI> expected, String why) {
        Set<URI> fetched = fetchedPages(run);
        Set<URI> missing = new TreeSet<>(expected);
        missing.removeAll(fetched);
        if (missing.isEmpty()) {
            return;
        }
        String hint = "";
        boolean redirectSeen = run.requests().stream()
                .anyMatch(r -> r.status() >= 300 && r.status() < 400 && map.redirectSource().equals(r.page()));
        if (missing.contains(map.redirectTarget()) && redirectSeen) {
            hint = " " + path(map.redirectSource()) + " answered with a redirect to " + path(map.redirectTarget())
                    + ", which was never fetched: build the HttpClient with followRedirects(HttpClient.Redirect.NORMAL).";
        } else if (run.requests().stream().anyMatch(r -> r.page() == null && r.status() == 404 && !r.robots())) {
            hint = " The site answered 404 to " + run.requests().stream().filter(r -> r.page() == null && r.status() == 404
                    && !r.robots()).map(ShopRequest::target).findFirst().orElseThrow() + ", a page it never linked to: "
                    + "resolve relative links against the page's own address (response.uri(), after redirects).";
        }
        fail("The crawl fetched " + fetched.size() + " pages of the site's " + expected.size() + " " + why
                + " in " + run.described() + "; never fetched: " + listed(missing) + "." + hint);
    }

    /** Nothing outside {@code allowed} was fetched; {@code rule} says in words what {@code allowed} is. */
    static void requireOnly(CrawlRun run, Set<URI> allowed, String rule) {
        requireSomePages(run);
        Set<URI> extra = new TreeSet<>(fetchedPages(run));
        extra.removeAll(allowed);
        if (!extra.isEmpty()) {
            fail("The crawl fetched " + count(extra.size(), "page") + " that " + rule + ": " + listed(extra) + ".");
        }
    }

    /** Not one request to another host, and no link on another host or scheme passed on. */
    static void requireOnTheSite(CrawlRun run, String siteHost) {
        requireSomePages(run);
        List<ShopRequest> away = run.requests().stream().filter(r -> !r.host().equals(siteHost)).toList();
        if (!away.isEmpty()) {
            fail("The crawl sent " + count(away.size(), "request") + " to " + away.getFirst().host() + ", another site: "
                    + "first " + away.getFirst().target() + ". Its address has the same IP as the shop's, " + siteHost
                    + ", on another port: a host is its name and its port, so compare both (URI.getHost() and getPort()).");
        }
        for (ParsedPage page : run.pages()) {
            for (URI link : page.links()) {
                String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase();
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    fail("The page " + page.url() + " was passed on with the link " + link + ": a " + scheme
                            + ": link is no page to fetch. Keep only http and https links.");
                }
            }
        }
    }

    /** Every page answered 200 went on the output once; no error page did. */
    static void requireEachPageEmittedOnce(CrawlRun run, SiteMap map) {
        requireSomePages(run);
        Map<URI, Long> emitted = run.pages().stream().collect(Collectors.groupingBy(page -> identity(map, page.url()),
                LinkedHashMap::new, Collectors.counting()));
        List<URI> twice = emitted.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        if (!twice.isEmpty()) {
            fail(count(twice.size(), "page") + " went on the output queue more than once, first " + path(twice.getFirst())
                    + " " + emitted.get(twice.getFirst()) + " times. Put each page on it once, when it is fetched.");
        }
        Set<URI> broken = new TreeSet<>(emitted.keySet());
        broken.retainAll(map.brokenPages());
        if (!broken.isEmpty()) {
            fail("The error page " + path(broken.iterator().next()) + " went on the output queue as if it were a page. "
                    + "A 404 or 500 answer is no page to keep: the fetcher throws an IOException for it, and the "
                    + "worker skips it.");
        }
        Set<URI> ok = new TreeSet<>(fetchedPages(run));
        ok.retainAll(map.okPages());
        Set<URI> notEmitted = new TreeSet<>(ok);
        notEmitted.removeAll(emitted.keySet());
        if (!notEmitted.isEmpty()) {
            fail(count(notEmitted.size(), "page") + " fetched with 200 OK never went on the output queue: "
                    + listed(notEmitted) + ". Put every page you fetch on it, as Message.item(page).");
        }
    }

    /**
     * Fails at once when an earlier crawl of this check run never returned: another would only
     * hang again, and the report's first failure already says where.
     */
    static void requireNoEarlierHang(CrawlRun... earlier) {
        for (CrawlRun run : earlier) {
            if (run != null && !run.outcome().returned()) {
                fail("Not tried: in " + run.described() + " crawl(...) did not return (see the first failing check), "
                        + "and another crawl would wait the same way.");
            }
        }
    }

    /** The most requests in flight at one moment. */
    static int peakInFlight(List<ShopRequest> requests) {
        return LogFigures.peakInFlight(requests, ShopRequest::arrivalMs, ShopRequest::endMs);
    }

    /** The distinct pages asked for, canonical: a redirect's source and its target are two. */
    static Set<URI> fetchedPages(CrawlRun run) {
        return run.requests().stream().filter(r -> !r.robots()).map(ShopRequest::page).filter(page -> page != null)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A page's identity: its canonical address; a redirect's source and target are one page. */
    static URI identity(SiteMap map, URI url) {
        URI canonical = map.canonical(url);
        return canonical.equals(map.redirectSource()) ? map.redirectTarget() : canonical;
    }

    /** The path and query of a site URL: shorter in messages, and the same host anyway. */
    static String path(URI url) {
        return url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }

    static String listed(Collection<URI> urls) {
        List<String> shown = urls.stream().limit(SHOWN).map(CrawlRules::path).toList();
        return String.join(", ", shown) + (urls.size() > SHOWN ? " and " + (urls.size() - SHOWN) + " more" : "");
    }

    private static String brokenPagesHint(CrawlRun run) {
        List<String> failed = run.requests().stream().filter(r -> r.status() >= 400 && !r.robots())
                .map(r -> r.target() + " (" + r.status() + ")").distinct().toList();
        if (failed.isEmpty()) {
            return "";
        }
        return "Some pages failed, " + String.join(", ", failed) + ": a worker whose exception escapes its loop "
                + "ends, and its page is never marked finished. ";
    }

    private static int indexOfEnd(List<? extends TimedQueue.Put<?>> output) {
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).message() instanceof Message.EndOfStream) {
                return i;
            }
        }
        return -1;
    }
}
