package ai.asyncjava.kit.simulators.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.Http;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shop over real HTTP (java.net.http + jsoup): what a crawler sees matches the site map. */
class ShopSiteTest {

    private static ShopSimulator shop;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        shop = ShopSimulator.start(ShopConfig.fast());
        client = Http.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        shop.close();
    }

    @BeforeEach
    void reset() {
        shop.reset();
    }

    private static String url(String target) {
        return shop.baseUrl() + target;
    }

    /** A tiny breadth-first crawl over HTTP, independent of the simulator's code. */
    private record Crawl(Map<URI, Integer> depths, Map<URI, Integer> statuses, Map<URI, Set<URI>> links,
                         Map<URI, List<String>> hrefs) {
    }

    private static Crawl crawl(URI start) {
        Map<URI, Integer> depths = new LinkedHashMap<>();
        Map<URI, Integer> statuses = new HashMap<>();
        Map<URI, Set<URI>> links = new HashMap<>();
        Map<URI, List<String>> hrefs = new HashMap<>();
        Deque<URI> queue = new ArrayDeque<>();
        depths.put(start, 0);
        queue.add(start);
        while (!queue.isEmpty()) {
            URI page = queue.poll();
            int depth = depths.get(page);
            HttpResponse<String> response = Http.get(client, page.toString());
            statuses.put(page, response.statusCode());
            URI landed = normalise(response.uri());
            if (!landed.equals(page)) {
                statuses.put(page, 301); // followed a redirect: the page landed on is fetched already
                statuses.put(landed, response.statusCode());
                depths.putIfAbsent(landed, depth);
            }
            if (response.statusCode() != 200) {
                links.put(page, Set.of());
                continue;
            }
            Document doc = Jsoup.parse(response.body(), response.uri().toString());
            Set<URI> found = new LinkedHashSet<>();
            List<String> raw = new ArrayList<>();
            for (Element a : doc.select("a[href]")) {
                raw.add(a.attr("href"));
                String abs = a.absUrl("href");
                if (abs.startsWith("http://") || abs.startsWith("https://")) {
                    URI link = normalise(URI.create(abs));
                    if (link.getAuthority().equals(start.getAuthority())) {
                        found.add(link);
                    }
                }
            }
            links.put(page, found);
            links.put(landed, found);
            hrefs.put(landed, raw);
            for (URI link : found) {
                if (depths.putIfAbsent(link, depth + 1) == null) {
                    queue.add(link);
                }
            }
        }
        return new Crawl(depths, statuses, links, hrefs);
    }

    // the test's own normaliser: no fragment, no utm_*/ref, no trailing slash but the root's
    private static URI normalise(URI u) {
        String path = u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> kept = new ArrayList<>();
        if (u.getRawQuery() != null) {
            for (String p : u.getRawQuery().split("&")) {
                String name = p.split("=", 2)[0];
                if (!name.startsWith("utm_") && !name.equals("ref")) {
                    kept.add(p);
                }
            }
        }
        return URI.create(u.getScheme() + "://" + u.getRawAuthority() + path
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept)));
    }

    @Test
    void aRealCrawlFindsWhatTheSiteMapSays() {
        SiteMap map = shop.map();
        Crawl crawl = crawl(shop.startUrl());
        assertEquals(map.depths(), crawl.depths());
        for (URI page : map.reachable()) {
            assertEquals(map.status(page), crawl.statuses().get(page), page.toString());
            assertEquals(map.linksOf(page), crawl.links().get(page), page.toString());
        }
        assertEquals(ShopConfig.fast().pages(), crawl.depths().size());
        // the crawl did not fetch /offers/weekly twice: only the redirect leads there
        assertEquals(1, shop.log().requests().stream().filter(r -> r.target().equals("/offers/weekly")).count());
    }

    @Test
    void everyLinkSpellingOccursAndServesTheSamePage() {
        Crawl crawl = crawl(shop.startUrl());
        Set<String> hrefs = new LinkedHashSet<>();
        crawl.hrefs().values().forEach(hrefs::addAll);
        String base = shop.baseUrl();
        Map<String, java.util.function.Predicate<String>> kinds = new LinkedHashMap<>();
        kinds.put("relative product/N", h -> h.matches("product/\\d+"));
        kinds.put("../product/N", h -> h.matches("\\.\\./product/\\d+"));
        kinds.put("./N", h -> h.matches("\\./\\d+"));
        kinds.put("root-relative /product/N", h -> h.matches("/product/\\d+"));
        kinds.put("absolute", h -> h.matches(java.util.regex.Pattern.quote(base) + "/product/\\d+"));
        kinds.put("fragment", h -> h.matches("/product/\\d+#reviews"));
        kinds.put("utm", h -> h.matches("/product/\\d+\\?utm_source=listing&utm_medium=web"));
        kinds.put("ref", h -> h.matches("/product/\\d+\\?ref=home"));
        kinds.put("trailing slash", h -> h.matches("/product/\\d+/"));
        kinds.put("mailto", h -> h.startsWith("mailto:"));
        kinds.put("javascript", h -> h.equals("javascript:void(0)"));
        kinds.put("tel", h -> h.startsWith("tel:"));
        kinds.put("#top", h -> h.equals("#top"));
        kinds.put("partner", h -> h.startsWith(shop.partnerBaseUrl() + "/brand/"));
        kinds.forEach((kind, test) -> assertTrue(hrefs.stream().anyMatch(test), "no " + kind + " link"));
        String anyPage = shop.baseUrl() + "/products";
        assertTrue(Jsoup.parse(Http.get(client, anyPage).body()).select("a:not([href])").size() > 0,
                "an <a> with no href");

        shop.reset();
        int product = shop.map().okPages().stream().filter(u -> u.getPath().matches("/product/\\d+"))
                .map(u -> Integer.parseInt(u.getPath().substring(9))).findFirst().orElseThrow();
        String canonicalBody = Http.get(client, url("/product/" + product)).body();
        for (String spelling : List.of("/product/%d/", "/product/%d?utm_source=listing&utm_medium=web",
                "/product/%d?ref=home", "/product/%d/?ref=home", "/product/%d#reviews")) {
            HttpResponse<String> response = Http.get(client, url(spelling.formatted(product)));
            assertEquals(200, response.statusCode(), spelling);
            assertEquals(canonicalBody, response.body(), spelling);
        }
        assertEquals(Http.get(client, url("/products")).body(), Http.get(client, url("/products?page=1")).body());
        // the log tells the spellings apart and names the one page they all are
        List<ShopRequest> spelled = shop.log().requests().stream()
                .filter(r -> r.target().startsWith("/product/" + product)).toList();
        assertEquals(6, spelled.size());
        assertEquals(6, spelled.stream().map(ShopRequest::target).distinct().count() + 1, "the fragment is never sent");
        spelled.forEach(r -> assertEquals(URI.create(url("/product/" + product)), r.page()));
    }

    @Test
    void everyPageIsHtml5WithACanonicalLink() {
        for (URI page : shop.map().okPages()) {
            HttpResponse<String> response = Http.get(client, page.toString());
            assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(response.body().getBytes(StandardCharsets.UTF_8).length,
                    Long.parseLong(response.headers().firstValue("Content-Length").orElseThrow()));
            assertTrue(response.body().startsWith("<!doctype html>"), page.toString());
            Document doc = Jsoup.parse(response.body(), response.uri().toString());
            assertFalse(doc.title().isBlank());
            assertFalse(doc.select("nav").isEmpty());
            URI canonical = page.equals(shop.map().redirectSource()) ? shop.map().redirectTarget() : page;
            assertEquals(canonical.toString(), doc.select("link[rel=canonical]").attr("href"));
        }
    }

    @Test
    void theSaleRedirectsAndItsRelativeLinkTrapsAFetcherThatResolvesAgainstTheRequest() {
        try (HttpClient raw = Http.noRedirects()) {
            HttpResponse<String> moved = Http.get(raw, url("/sale"));
            assertEquals(301, moved.statusCode());
            assertEquals(url("/offers/weekly"), moved.headers().firstValue("Location").orElseThrow());
        }
        HttpResponse<String> followed = Http.get(client, url("/sale"));
        assertEquals(200, followed.statusCode());
        assertEquals(URI.create(url("/offers/weekly")), followed.uri());
        Document page = Jsoup.parse(followed.body(), followed.uri().toString());
        Element specials = page.selectFirst("a[href=specials]");
        assertNotNull(specials);
        assertEquals(url("/offers/specials"), specials.absUrl("href"));
        assertEquals(200, Http.get(client, url("/offers/specials")).statusCode());
        String wrong = URI.create(url("/sale")).resolve("specials").toString();
        assertEquals(url("/specials"), wrong);
        assertEquals(404, Http.get(client, wrong).statusCode());
    }

    @Test
    void brokenPagesAnswer404And500AndUnknownPathsAndPagesOutOfRange404() {
        for (URI broken : shop.map().brokenPages()) {
            HttpResponse<String> response = Http.get(client, broken.toString());
            assertEquals(shop.map().status(broken), response.statusCode());
            assertTrue(response.body().startsWith("<!doctype html>"));
        }
        for (String target : List.of("/nope", "/product/0", "/product/007", "/product/99999", "/product/1/nope",
                "/products?page=0", "/products?page=999", "/products?category=toys", "/specials")) {
            assertEquals(404, Http.get(client, url(target)).statusCode(), target);
        }
        List<ShopRequest> unknown = shop.log().requests().stream().filter(r -> r.status() == 404 && r.page() == null).toList();
        assertEquals(9, unknown.size(), "unknown targets name no page");
    }

    @Test
    void badRequestsAreRefusedAndTheServerKeepsServing() throws IOException {
        HttpResponse<String> post = Http.send(client, HttpRequest.newBuilder(URI.create(url("/products")))
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> delete = Http.send(client, HttpRequest.newBuilder(URI.create(url("/cart"))).DELETE().build());
        assertEquals(405, delete.statusCode());
        assertEquals(400, Http.get(client, url("/products?page=two")).statusCode());
        assertEquals(400, Http.get(client, url("/products?category=%FF")).statusCode(), "not UTF-8");
        assertEquals("HTTP/1.1 400 Bad Request", Http.rawStatusLine(shop.baseUrl(), "GET /products?page=%zz HTTP/1.1"),
                "a malformed escape (the JDK's server refuses it before the simulator sees it)");
        assertTrue(Http.rawStatusLine(shop.baseUrl(), "GET /products?category=%E0%A4 HTTP/1.1").startsWith("HTTP/1.1 400"));
        assertTrue(Http.rawStatusLine(shop.baseUrl(), "BREW /products HTTP/1.1").startsWith("HTTP/1.1 405"));
        assertEquals(200, Http.get(client, url("/products")).statusCode(), "still serving");
        assertEquals(200, Http.get(client, url("/robots.txt")).statusCode(), "still serving");
    }

    @Test
    void headAnswersTheHeadersWithoutABody() {
        HttpResponse<String> get = Http.get(client, url("/about"));
        HttpResponse<String> head = Http.send(client, HttpRequest.newBuilder(URI.create(url("/about")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(get.headers().firstValue("Content-Length"), head.headers().firstValue("Content-Length"));
    }

    @Test
    void robotsTxtReadByCrawlerCommons() {
        shop.reconfigure(c -> c.withCrawlDelay(Duration.ofMillis(50)));
        try {
            BaseRobotRules rules = robots(shop.baseUrl());
            assertFalse(rules.isAllowed(url("/cart")));
            assertFalse(rules.isAllowed(url("/cart/")));
            assertFalse(rules.isAllowed(url("/account/login")));
            assertTrue(rules.isAllowed(url("/products")));
            assertTrue(rules.isAllowed(url("/product/3")));
            assertTrue(rules.isAllowed(url("/about")));
            assertEquals(50, rules.getCrawlDelay());
            for (URI page : shop.map().reachable()) {
                assertEquals(!shop.map().disallowed(page), rules.isAllowed(page.toString()), page.toString());
            }
            BaseRobotRules partner = robots(shop.partnerBaseUrl());
            assertFalse(partner.isAllowed(shop.partnerBaseUrl() + "/private/wholesale"));
            assertTrue(partner.isAllowed(shop.partnerBaseUrl() + "/brand/alder"));
        } finally {
            shop.reconfigure(c -> c.withCrawlDelay(Duration.ZERO));
        }
        String text = Http.get(client, url("/robots.txt")).body();
        assertFalse(text.contains("Crawl-delay"), "no crawl delay, no line: " + text);
        assertEquals(BaseRobotRules.UNSET_CRAWL_DELAY, robots(shop.baseUrl()).getCrawlDelay());
        List<ShopRequest> robots = shop.log().requests().stream().filter(ShopRequest::robots).toList();
        assertEquals(4, robots.size());
        robots.forEach(r -> assertNull(r.page()));
    }

    private static BaseRobotRules robots(String base) {
        HttpResponse<String> response = Http.get(client, base + "/robots.txt");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        return new SimpleRobotRulesParser().parseContent(base + "/robots.txt",
                response.body().getBytes(StandardCharsets.UTF_8), "text/plain", List.of("asyncjavacoursebot"));
    }

    @Test
    void thePartnerIsAnotherHostOnTheSameAddressThatLinksBack() {
        URI shopUri = URI.create(shop.baseUrl());
        URI partnerUri = URI.create(shop.partnerBaseUrl());
        assertEquals(shopUri.getHost(), partnerUri.getHost());
        assertNotEquals(shopUri.getPort(), partnerUri.getPort());
        HttpResponse<String> brand = Http.get(client, shop.partnerBaseUrl() + "/brand/alder");
        assertEquals(200, brand.statusCode());
        Document doc = Jsoup.parse(brand.body(), brand.uri().toString());
        assertTrue(doc.select("a[href]").stream().anyMatch(a -> a.attr("href").startsWith(shop.baseUrl() + "/product/")),
                "absolute links back to the shop");
        assertTrue(doc.select("a[href]").stream().anyMatch(a -> a.attr("href").startsWith("/brand/")));
        assertEquals(200, Http.get(client, shop.partnerBaseUrl() + "/private/wholesale").statusCode());
        assertEquals(404, Http.get(client, shop.partnerBaseUrl() + "/brand/nobody").statusCode());
        List<String> hosts = shop.log().requests().stream().map(ShopRequest::host).distinct().toList();
        assertEquals(List.of(shop.partnerHost()), hosts);
        assertEquals("127.0.0.1:" + partnerUri.getPort(), shop.partnerHost());
        shop.map().reachable().forEach(p -> assertEquals(shopUri.getPort(), p.getPort()));
    }

    @Test
    void oneClientMakesOneConnectionAndTwentyClientsMakeTwenty() {
        try (HttpClient one = HttpClient.newHttpClient()) { // HTTP/2 by default: its h2c upgrade is declined
            for (int i = 0; i < 20; i++) {
                assertEquals(200, Http.get(one, url("/about")).statusCode());
            }
        }
        assertEquals(1, shop.log().newConnections());
        assertEquals(1, shop.log().requests().stream().map(ShopRequest::connection).distinct().count());
        shop.reset();
        for (int i = 0; i < 20; i++) {
            try (HttpClient fresh = HttpClient.newHttpClient()) {
                assertEquals(200, Http.get(fresh, url("/about")).statusCode());
            }
        }
        assertEquals(20, shop.log().newConnections());
        shop.reset();
        Http.get(client, url("/about"));
        Http.get(client, url("/about"));
        assertEquals(1, shop.log().newConnections(), "after a reset, a kept-alive connection counts as new once");
    }

    @Test
    void theLogHasOneRowPerRequestAndTheTableItsColumns() {
        HttpClient.Builder builder = HttpClient.newBuilder();
        try (HttpClient c = builder.build()) {
            Http.send(c, HttpRequest.newBuilder(URI.create(url("/product/1/?ref=home"))).header("User-Agent", "TestBot/1").build());
            Http.get(c, url("/robots.txt"));
        }
        List<ShopRequest> rows = shop.log().requests();
        assertEquals(2, rows.size());
        ShopRequest first = rows.get(0);
        assertEquals(1, first.id());
        assertEquals(shop.shopHost(), first.host());
        assertEquals("/product/1/?ref=home", first.target());
        assertEquals(URI.create(url("/product/1")), first.page());
        assertEquals("TestBot/1", first.userAgent());
        assertTrue(first.arrivalMs() >= 0 && first.endMs() >= first.arrivalMs());
        assertFalse(first.robots());
        assertFalse(first.inFlight());
        assertTrue(rows.get(1).robots());
        var table = shop.requestTable();
        assertEquals(List.of("id", "host", "target", "page", "arrival_ms", "end_ms", "duration_ms", "status",
                "in_flight_at_arrival", "connection", "new_connection"), table.columnNames());
        assertEquals(2, table.rowCount());
        shop.log().clear();
        assertEquals(0, shop.log().requests().size());
    }
}
