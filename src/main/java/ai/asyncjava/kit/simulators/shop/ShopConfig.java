package ai.asyncjava.kit.simulators.shop;

import ai.asyncjava.kit.simulators.Durations;
import ai.asyncjava.kit.simulators.LatencyModel;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link ShopSimulator} does. The site itself follows from {@code seed} and
 * {@code pages} alone; the rest is how the servers behave. Start from a preset and change what
 * you need:
 * <pre>{@code
 * ShopConfig.small().withQuota(ShopQuota.perWindow(10, Duration.ofSeconds(1)))
 * ShopConfig.fast().withCrawlDelay(Duration.ofMillis(50))
 * }</pre>
 *
 * @param port        the shop's loopback port; 0 for any free one (the partner host always takes any free one)
 * @param seed        decides the site: products, names, links, which pages are broken or slow
 * @param pages       how many distinct pages the shop host has reachable from {@code /products}
 *                    (exactly: see {@link SiteMap#depths()}), {@value #MIN_PAGES} to {@value #MAX_PAGES}
 * @param latency     how long each answer takes (robots.txt and 429 answers take none)
 * @param slowFactor  the slow product pages take this many times the latency
 * @param quota       requests per window per host
 * @param crawlDelay  the {@code Crawl-delay} both robots.txt files ask for; zero for none
 * @param latencySeed seeds the latency draws, so a run's delays repeat
 */
public record ShopConfig(int port, long seed, int pages, LatencyModel latency, double slowFactor,
                         ShopQuota quota, Duration crawlDelay, long latencySeed) {

    /** The smallest site: room for every kind of page. */
    public static final int MIN_PAGES = 20;
    /** The largest site. */
    public static final int MAX_PAGES = 100_000;

    public ShopConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("no such port: " + port);
        }
        if (pages < MIN_PAGES || pages > MAX_PAGES) {
            throw new IllegalArgumentException("a shop has " + MIN_PAGES + " to " + MAX_PAGES + " pages, not " + pages);
        }
        Objects.requireNonNull(latency, "a shop needs a latency model (LatencyModel.none() for none)");
        if (!(slowFactor >= 0)) {
            throw new IllegalArgumentException("the slow factor cannot be negative: " + slowFactor);
        }
        Objects.requireNonNull(quota, "a shop needs a quota (ShopQuota.unlimited() for none)");
        Objects.requireNonNull(crawlDelay, "a shop needs a crawl delay (Duration.ZERO for none)");
        if (crawlDelay.isNegative()) {
            throw new IllegalArgumentException("the crawl delay cannot be negative: " + crawlDelay);
        }
    }

    /** For notebooks: 50 pages, 100 ms per answer, slow pages 4 times slower, no quota, no crawl delay. */
    public static ShopConfig small() {
        return new ShopConfig(0, 1, 50, LatencyModel.fixed(Duration.ofMillis(100)), 4,
                ShopQuota.unlimited(), Duration.ZERO, 1);
    }

    /** For tests and checks: like {@link #small()} with no latency. */
    public static ShopConfig fast() {
        return small().withLatency(LatencyModel.none());
    }

    /** For benchmarks: 5,000 pages, no latency. */
    public static ShopConfig benchmark() {
        return fast().withPages(5_000);
    }

    public ShopConfig withPort(int newPort) {
        return new ShopConfig(newPort, seed, pages, latency, slowFactor, quota, crawlDelay, latencySeed);
    }

    public ShopConfig withSeed(long newSeed) {
        return new ShopConfig(port, newSeed, pages, latency, slowFactor, quota, crawlDelay, latencySeed);
    }

    public ShopConfig withPages(int newPages) {
        return new ShopConfig(port, seed, newPages, latency, slowFactor, quota, crawlDelay, latencySeed);
    }

    public ShopConfig withLatency(LatencyModel newLatency) {
        return new ShopConfig(port, seed, pages, newLatency, slowFactor, quota, crawlDelay, latencySeed);
    }

    public ShopConfig withSlowFactor(double newFactor) {
        return new ShopConfig(port, seed, pages, latency, newFactor, quota, crawlDelay, latencySeed);
    }

    public ShopConfig withQuota(ShopQuota newQuota) {
        return new ShopConfig(port, seed, pages, latency, slowFactor, newQuota, crawlDelay, latencySeed);
    }

    public ShopConfig withCrawlDelay(Duration newDelay) {
        return new ShopConfig(port, seed, pages, latency, slowFactor, quota, newDelay, latencySeed);
    }

    public ShopConfig withLatencySeed(long newSeed) {
        return new ShopConfig(port, seed, pages, latency, slowFactor, quota, crawlDelay, newSeed);
    }

    /** One line for a banner: size, latency, quota, crawl delay. */
    public String summary() {
        return pages + " pages (seed " + seed + "), latency " + latency + ", slow pages x" + slowFactor
                + ", " + quota + (crawlDelay.isZero() ? ", no crawl delay" : ", crawl delay " + Durations.human(crawlDelay));
    }
}
