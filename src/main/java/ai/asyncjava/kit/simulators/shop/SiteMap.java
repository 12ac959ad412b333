package ai.asyncjava.kit.simulators.shop;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The truth about a generated shop, for checks and charts: which pages a correct crawler reaches
 * from {@code /products}, at which depth, with which links, and which of them are broken, slow,
 * redirected or off limits. Pure data, built from {@code (seed, pages, baseUrl, partnerBaseUrl)}
 * alone, without any HTTP; immutable.
 *
 * <p>How pages are counted: a page is one canonical URL on the shop host (see
 * {@link #canonical(URI)}). The reachable pages are those a breadth-first crawl from
 * {@link #start()} meets by following same-host links the way a correct page fetcher reads them;
 * it follows links out of pages that answer 200 only (a 404 or 500 page is reached, not read) and
 * follows the redirect. There are exactly {@code pages} of them: 8 fixed pages (home, about,
 * contact, cart, sign-in, sale, weekly offers, specials), the listing pages of all products and
 * of each category, the product pages and the review pages.
 */
public final class SiteMap {

    private final URI start;
    private final String baseUrl;
    private final String partnerBaseUrl;
    private final ShopPages shop;
    private final PartnerPages partner;
    private final Map<URI, Integer> depths;
    private final Map<URI, Set<URI>> links;
    private final Map<URI, Integer> statuses;
    private final Set<URI> reachableObeyingRobots;
    private final Set<URI> slowPages;
    private final URI redirectSource;
    private final URI redirectTarget;
    private final Map<String, URI> pageIndependentLinks = new HashMap<>(); // only while building

    private SiteMap(long seed, int pages, String baseUrl, String partnerBaseUrl) {
        this.baseUrl = stripSlash(baseUrl);
        this.partnerBaseUrl = stripSlash(partnerBaseUrl);
        Catalog catalog = new Catalog(seed, pages);
        this.shop = new ShopPages(catalog, this.baseUrl, this.partnerBaseUrl);
        this.partner = new PartnerPages(catalog, this.partnerBaseUrl, this.baseUrl);
        this.start = URI.create(this.baseUrl + "/products");
        this.redirectSource = URI.create(this.baseUrl + "/sale");
        this.redirectTarget = URI.create(this.baseUrl + "/offers/weekly");
        this.links = new HashMap<>();
        this.statuses = new HashMap<>();
        this.depths = Collections.unmodifiableMap(crawl(false));
        this.reachableObeyingRobots = Collections.unmodifiableSet(crawl(true).keySet());
        Set<URI> slow = new LinkedHashSet<>();
        for (URI page : depths.keySet()) {
            if (route(page) instanceof Site.Route.Found found && found.page().slow()) {
                slow.add(page);
            }
        }
        this.slowPages = Collections.unmodifiableSet(slow);
        pageIndependentLinks.clear();
    }

    /**
     * The site that {@code (seed, pages)} make, with the shop at {@code baseUrl} and the partner
     * host at {@code partnerBaseUrl} ({@code http://127.0.0.1:PORT}). The same arguments always
     * give the same site.
     */
    public static SiteMap generate(long seed, int pages, String baseUrl, String partnerBaseUrl) {
        if (pages < ShopConfig.MIN_PAGES || pages > ShopConfig.MAX_PAGES) {
            throw new IllegalArgumentException("a shop has " + ShopConfig.MIN_PAGES + " to "
                    + ShopConfig.MAX_PAGES + " pages, not " + pages);
        }
        return new SiteMap(seed, pages, baseUrl, partnerBaseUrl);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    // Breadth first from the start through same-host links; a redirect's target takes its source's depth.
    private Map<URI, Integer> crawl(boolean obeyRobots) {
        Map<URI, Integer> seen = new LinkedHashMap<>();
        Deque<URI> queue = new ArrayDeque<>();
        seen.put(start, 0);
        queue.add(start);
        while (!queue.isEmpty()) {
            URI page = queue.poll();
            int depth = seen.get(page);
            if (page.equals(redirectSource) && !seen.containsKey(redirectTarget)) {
                seen.put(redirectTarget, depth);
                queue.addFirst(redirectTarget); // same depth: ahead of everything deeper
            }
            for (URI link : readLinks(page)) {
                if (!seen.containsKey(link) && !(obeyRobots && disallowed(link))) {
                    seen.put(link, depth + 1);
                    queue.add(link);
                }
            }
        }
        return seen;
    }

    // The links a correct fetcher returns for a page, computed once.
    private Set<URI> readLinks(URI page) {
        Set<URI> known = links.get(page);
        if (known != null) {
            return known;
        }
        Set<URI> found = new LinkedHashSet<>();
        int status = 404;
        if (route(page) instanceof Site.Route.Found f) {
            status = f.page().status();
            if (status == 301) {
                found = readLinks(redirectTarget); // the fetcher ends up there
            } else if (status == 200) {
                Site.Rendered rendered = shop.render(f.page());
                for (String href : rendered.hrefs()) {
                    URI link = sameHostLink(page, href);
                    if (link != null) {
                        found.add(link);
                    }
                }
            }
        }
        Set<URI> result = Collections.unmodifiableSet(found);
        links.put(page, result);
        statuses.put(page, status);
        return result;
    }

    // href resolved against the page, kept when it is http(s) on the shop's host and port, canonical;
    // hrefs that do not depend on the page (absolute, root-relative) are resolved once
    private URI sameHostLink(URI page, String href) {
        boolean pageIndependent = href.startsWith("/") || href.startsWith("http:") || href.startsWith("https:");
        if (!pageIndependent) {
            return resolveLink(page, href);
        }
        URI link = pageIndependentLinks.get(href);
        if (link == null && !pageIndependentLinks.containsKey(href)) {
            link = resolveLink(page, href);
            pageIndependentLinks.put(href, link);
        }
        return link;
    }

    private URI resolveLink(URI page, String href) {
        URI resolved;
        try {
            resolved = page.resolve(href);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String scheme = resolved.getScheme();
        if (resolved.isOpaque() || scheme == null || !(scheme.equals("http") || scheme.equals("https"))
                || !sameAuthority(resolved, start)) {
            return null;
        }
        return Targets.canonical(resolved);
    }

    private static boolean sameAuthority(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    private Site.Route route(URI canonicalPage) {
        return shop.route(canonicalPage.getRawPath(), canonicalPage.getRawQuery());
    }

    /** {@code baseUrl + "/products"}: listing page 1, where a crawl starts (depth 0). */
    public URI start() {
        return start;
    }

    /**
     * Every canonical shop URL reachable from {@link #start()} through same-host links, with its
     * breadth-first depth (the start is 0), in breadth-first order. Included: the 404 and 500
     * pages, the pages robots.txt disallows, the redirect's source and its target (which takes
     * the source's depth). Not included: the partner host's pages.
     */
    public Map<URI, Integer> depths() {
        return depths;
    }

    /** {@code depths().keySet()}: the pages a correct crawler with no limits fetches. */
    public Set<URI> reachable() {
        return depths.keySet();
    }

    /** The reachable pages at depth {@code maxDepth} or less, in breadth-first order. */
    public Set<URI> reachableWithin(int maxDepth) {
        Set<URI> within = new LinkedHashSet<>();
        depths.forEach((page, depth) -> {
            if (depth <= maxDepth) {
                within.add(page);
            }
        });
        return Collections.unmodifiableSet(within);
    }

    /**
     * The pages a crawl reaches when it never fetches what robots.txt disallows: it never goes
     * into {@code /cart} or {@code /account/}, so nor through them.
     */
    public Set<URI> reachableObeyingRobots() {
        return reachableObeyingRobots;
    }

    /**
     * The same-host links a correct page fetcher returns for this page, canonical: for the
     * redirect's source, its target's links (the fetcher follows the redirect); for a page that
     * does not answer 200, none.
     *
     * @param canonicalPage a reachable page, in any spelling
     * @throws IllegalArgumentException when it is not a reachable page of the shop
     */
    public Set<URI> linksOf(URI canonicalPage) {
        Set<URI> found = links.get(canonical(canonicalPage));
        if (found == null) {
            throw new IllegalArgumentException(canonicalPage + " is not a page of the shop at " + baseUrl);
        }
        return found;
    }

    /** The reachable pages that answer 200: not the 404 and 500 pages, not the redirect's source. */
    public Set<URI> okPages() {
        return withStatus(200);
    }

    /** The reachable pages that answer 404 (a discontinued product) or 500 (a failing reviews page). */
    public Set<URI> brokenPages() {
        Set<URI> broken = new LinkedHashSet<>(withStatus(404));
        broken.addAll(withStatus(500));
        return Collections.unmodifiableSet(broken);
    }

    /**
     * The status a reachable page answers with: 200, 301 (the redirect's source), 404 or 500.
     *
     * @throws IllegalArgumentException when it is not a reachable page of the shop
     */
    public int status(URI page) {
        Integer status = statuses.get(canonical(page));
        if (status == null || !depths.containsKey(canonical(page))) {
            throw new IllegalArgumentException(page + " is not a page of the shop at " + baseUrl);
        }
        return status;
    }

    private Set<URI> withStatus(int status) {
        Set<URI> pages = new LinkedHashSet<>();
        for (URI page : depths.keySet()) {
            if (statuses.get(page) == status) {
                pages.add(page);
            }
        }
        return Collections.unmodifiableSet(pages);
    }

    /** {@code /sale}, which answers 301. */
    public URI redirectSource() {
        return redirectSource;
    }

    /** {@code /offers/weekly}, where {@code /sale} redirects to (absolute {@code Location}). */
    public URI redirectTarget() {
        return redirectTarget;
    }

    /** The product pages that take {@code slowFactor} times the latency. */
    public Set<URI> slowPages() {
        return slowPages;
    }

    /**
     * Whether robots.txt disallows {@code url} for every user agent: on the shop, {@code /cart}
     * and {@code /account/}; on the partner host, {@code /private/}. Other hosts: false.
     */
    public boolean disallowed(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (sameAuthority(url, start)) {
            return path.startsWith("/cart") || path.startsWith("/account/");
        }
        if (sameAuthority(url, URI.create(partnerBaseUrl))) {
            return path.startsWith("/private/");
        }
        return false;
    }

    /**
     * The one spelling of a page: no fragment, no tracking parameters ({@code utm_*}, {@code ref};
     * other parameters stay, in their order), no trailing slash except on the root path {@code /},
     * which an empty path becomes. A relative URI is first resolved against the start.
     */
    public URI canonical(URI anySpelling) {
        URI absolute = anySpelling.isAbsolute() ? anySpelling : start.resolve(anySpelling);
        return Targets.canonical(absolute);
    }

    /** The shop's base URL, {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The partner host's base URL, {@code http://127.0.0.1:PORT2}. */
    public String partnerBaseUrl() {
        return partnerBaseUrl;
    }

    ShopPages shop() {
        return shop;
    }

    PartnerPages partner() {
        return partner;
    }

    @Override
    public String toString() {
        return "SiteMap[" + baseUrl + ", " + depths.size() + " pages, deepest at depth "
                + depths.values().stream().mapToInt(Integer::intValue).max().orElse(0) + "]";
    }
}
