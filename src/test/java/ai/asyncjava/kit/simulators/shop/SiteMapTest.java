package ai.asyncjava.kit.simulators.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated site, without HTTP: its size, shape and determinism, and the URL rules. */
class SiteMapTest {

    private static final String BASE = "http://127.0.0.1:7001";
    private static final String PARTNER = "http://127.0.0.1:7002";

    private static SiteMap map(long seed, int pages) {
        return SiteMap.generate(seed, pages, BASE, PARTNER);
    }

    private static URI url(String target) {
        return URI.create(BASE + target);
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 21, 49, 50, 51, 137, 499, 500, 1_000, 5_000})
    void hasExactlyTheConfiguredNumberOfReachablePages(int pages) {
        for (long seed : new long[] {1, 2, 99}) {
            SiteMap map = map(seed, pages);
            assertEquals(pages, map.reachable().size(), "seed " + seed);
            assertEquals(pages - 3, map.okPages().size(), "all but the 404, the 500 and the redirect answer 200");
            assertEquals(2, map.brokenPages().size());
        }
    }

    @Test
    void fiveThousandPagesAreGeneratedDeterministicallyInUnderASecond() {
        SiteMap.generate(7, 5_000, BASE, PARTNER); // class loading and a first JIT pass
        long start = System.nanoTime();
        SiteMap first = map(1, 5_000);
        double ms = (System.nanoTime() - start) / 1e6;
        SiteMap second = map(1, 5_000);
        System.out.printf("5,000-page site generated in %.0f ms%n", ms);
        assertTrue(ms < 1_000, "generating 5,000 pages took " + ms + " ms");
        assertEquals(first.depths(), second.depths());
        assertEquals(first.depths().keySet().stream().toList(), second.depths().keySet().stream().toList(),
                "the same breadth-first order");
        for (URI page : first.okPages()) {
            assertEquals(first.linksOf(page), second.linksOf(page));
        }
        assertEquals(first.slowPages(), second.slowPages());
        assertEquals(first.brokenPages(), second.brokenPages());
        assertNotEquals(first.depths(), map(2, 5_000).depths(), "another seed, another site");
    }

    @Test
    void theStartIsListingPageOneAtDepthZero() {
        SiteMap map = map(1, 50);
        assertEquals(url("/products"), map.start());
        assertEquals(0, map.depths().get(map.start()));
        assertEquals(map.start(), map.depths().keySet().iterator().next());
        assertEquals(Set.of(map.start()), map.reachableWithin(0));
    }

    @Test
    void depthsAreBreadthFirstDistancesThroughTheLinks() {
        SiteMap map = map(3, 500);
        map.depths().forEach((page, depth) -> {
            if (depth > 0 && !page.equals(map.redirectTarget())) {
                boolean hasParent = map.depths().entrySet().stream().anyMatch(e -> e.getValue() == depth - 1
                        && map.status(e.getKey()) != 404 && map.status(e.getKey()) != 500
                        && map.linksOf(e.getKey()).contains(page));
                assertTrue(hasParent, page + " at depth " + depth + " has no parent one level up");
            }
            for (URI link : map.linksOf(page)) {
                assertTrue(map.depths().get(link) <= depth + 1, link + " is linked from depth " + depth);
            }
        });
        assertTrue(map.depths().values().stream().mapToInt(Integer::intValue).max().orElseThrow() >= 4,
                "a 500-page site is several levels deep");
        for (int d = 0; d <= 3; d++) {
            int depth = d;
            assertEquals(map.depths().entrySet().stream().filter(e -> e.getValue() <= depth).count(),
                    map.reachableWithin(d).size());
        }
    }

    @Test
    void theRedirectTargetTakesItsSourcesDepthAndItsRelativeLinkLeadsOneDeeper() {
        SiteMap map = map(1, 50);
        assertEquals(url("/sale"), map.redirectSource());
        assertEquals(url("/offers/weekly"), map.redirectTarget());
        assertEquals(301, map.status(map.redirectSource()));
        int depth = map.depths().get(map.redirectSource());
        assertEquals(depth, map.depths().get(map.redirectTarget()));
        assertEquals(depth + 1, map.depths().get(url("/offers/specials")));
        assertEquals(map.linksOf(map.redirectTarget()), map.linksOf(map.redirectSource()));
        assertTrue(map.linksOf(map.redirectTarget()).contains(url("/offers/specials")));
        assertFalse(map.reachable().contains(url("/specials")));
        long linkingToWeekly = map.reachable().stream()
                .filter(p -> !p.equals(map.redirectSource()) && !p.equals(map.redirectTarget()) && map.linksOf(p).contains(map.redirectTarget())).count();
        assertEquals(0, linkingToWeekly, "/offers/weekly is reached through the redirect only");
    }

    @Test
    void brokenPagesAreOneDiscontinuedProductAndOneFailingReviewsPage() {
        SiteMap map = map(1, 50);
        Set<URI> broken = map.brokenPages();
        URI product = broken.stream().filter(u -> map.status(u) == 404).findFirst().orElseThrow();
        URI reviews = broken.stream().filter(u -> map.status(u) == 500).findFirst().orElseThrow();
        assertTrue(product.getPath().matches("/product/\\d+"), product.toString());
        assertTrue(reviews.getPath().matches("/product/\\d+/reviews"), reviews.toString());
        assertEquals(Set.of(), map.linksOf(product));
        assertTrue(map.reachable().stream().filter(p -> p.getPath().equals("/products"))
                .anyMatch(listing -> map.linksOf(listing).contains(product)), "a listing links to the 404 product");
    }

    @Test
    void slowPagesAreAFewWorkingProductPages() {
        SiteMap map = map(1, 50);
        assertTrue(map.slowPages().size() >= 2 && map.slowPages().size() <= 5, map.slowPages().toString());
        for (URI slow : map.slowPages()) {
            assertTrue(slow.getPath().matches("/product/\\d+"), slow.toString());
            assertTrue(map.okPages().contains(slow));
        }
    }

    @Test
    void obeyingRobotsLeavesOutTheCartAndTheAccountPages() {
        SiteMap map = map(1, 50);
        Set<URI> disallowed = map.reachable().stream().filter(map::disallowed).collect(Collectors.toSet());
        assertEquals(Set.of(url("/cart"), url("/account/login")), disallowed);
        Set<URI> expected = new LinkedHashSet<>(map.reachable());
        expected.removeAll(disallowed);
        assertEquals(expected, map.reachableObeyingRobots());
    }

    @Test
    void robotsRulesPerHost() {
        SiteMap map = map(1, 50);
        assertTrue(map.disallowed(url("/cart")));
        assertTrue(map.disallowed(url("/cart/")));
        assertTrue(map.disallowed(url("/account/login")));
        assertFalse(map.disallowed(url("/account")));
        assertFalse(map.disallowed(url("/product/3")));
        assertTrue(map.disallowed(URI.create(PARTNER + "/private/wholesale")));
        assertFalse(map.disallowed(URI.create(PARTNER + "/brand/alder")));
        assertFalse(map.disallowed(URI.create(PARTNER + "/cart")));
        assertFalse(map.disallowed(URI.create("http://example.com/cart")));
    }

    @Test
    void theCanonicalSpellingDropsFragmentsTrackingAndTrailingSlashes() {
        SiteMap map = map(1, 50);
        URI three = url("/product/3");
        for (String spelling : new String[] {"/product/3", "/product/3/", "/product/3#reviews",
                "/product/3?utm_source=listing&utm_medium=web", "/product/3?ref=home", "/product/3/?ref=home#top"}) {
            assertEquals(three, map.canonical(url(spelling)), spelling);
        }
        assertEquals(three, map.canonical(URI.create("product/3")), "relative: against the start");
        assertEquals(three, map.canonical(URI.create("../product/3")));
        assertEquals(url("/products?page=2"), map.canonical(url("/products?page=2&utm_campaign=x")));
        assertEquals(url("/products?category=garden&page=2"), map.canonical(url("/products?ref=a&category=garden&page=2")));
        assertEquals(url("/"), map.canonical(url("/")));
        assertEquals(url("/"), map.canonical(URI.create(BASE)));
        assertEquals(URI.create("mailto:help@hollow-oak.example"), map.canonical(URI.create("mailto:help@hollow-oak.example")));
    }

    @Test
    void linksStayOnTheShopHostAndAreCanonical() {
        SiteMap map = map(5, 500);
        for (URI page : map.reachable()) {
            for (URI link : map.linksOf(page)) {
                assertEquals(BASE, link.getScheme() + "://" + link.getAuthority());
                assertEquals(link, map.canonical(link));
                assertTrue(map.reachable().contains(link));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> map.linksOf(url("/no/such/page")));
        assertThrows(IllegalArgumentException.class, () -> map.linksOf(URI.create(PARTNER + "/brand/alder")));
    }

    @Test
    void tooSmallOrTooLargeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> map(1, ShopConfig.MIN_PAGES - 1));
        assertThrows(IllegalArgumentException.class, () -> ShopConfig.fast().withPages(ShopConfig.MAX_PAGES + 1));
    }
}
