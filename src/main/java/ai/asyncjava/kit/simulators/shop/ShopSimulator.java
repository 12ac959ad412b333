package ai.asyncjava.kit.simulators.shop;

import ai.asyncjava.kit.simulators.LoopbackServer;
import ai.asyncjava.kit.simulators.SlidingWindowQuota;
import java.net.URI;
import java.util.function.UnaryOperator;
import tech.tablesaw.api.Table;

/**
 * A local e-commerce site to crawl (chapter 05): listings with pagination and categories,
 * product and review pages, a redirect, broken and slow pages, robots.txt, a per-host quota, and
 * links to a second host, the makers' site, on another loopback port. Everything is generated
 * from {@code (seed, pages)}; {@link #map()} knows the truth about it, {@link #log()} records
 * every request to either host.
 * <pre>{@code
 * try (ShopSimulator shop = ShopSimulator.start(ShopConfig.small())) {
 *     URI start = shop.startUrl();          // http://127.0.0.1:PORT/products
 *     ...crawl it...
 *     shop.map().reachable();               // what a correct crawl fetches
 *     shop.requestTable();                  // one row per request
 * }
 * }</pre>
 */
public final class ShopSimulator implements AutoCloseable {

    private volatile ShopConfig config;
    private volatile SlidingWindowQuota quota;
    private final ShopLog log = new ShopLog();
    private final ShopHandler shopHandler;
    private final ShopHandler partnerHandler;
    private final LoopbackServer shopServer;
    private final LoopbackServer partnerServer;
    private final SiteMap map;

    private ShopSimulator(ShopConfig config) {
        this.config = config;
        this.quota = quotaFor(config.quota());
        this.shopHandler = new ShopHandler(this, false);
        this.partnerHandler = new ShopHandler(this, true);
        this.shopServer = LoopbackServer.start(config.port(), shopHandler);
        LoopbackServer partner = null;
        try {
            partner = LoopbackServer.start(0, partnerHandler);
            this.map = SiteMap.generate(config.seed(), config.pages(), shopServer.baseUri().toString(),
                    partner.baseUri().toString());
        } catch (RuntimeException e) {
            shopServer.close();
            if (partner != null) {
                partner.close();
            }
            throw e;
        }
        this.partnerServer = partner;
        shopHandler.ready(map, host(shopServer));
        partnerHandler.ready(map, host(partnerServer));
    }

    /** Starts both hosts; close the simulator (or use try-with-resources) to free the ports. */
    public static ShopSimulator start(ShopConfig config) {
        return new ShopSimulator(config);
    }

    private static String host(LoopbackServer server) {
        return "127.0.0.1:" + server.port();
    }

    /** The shop's base URL, {@code http://127.0.0.1:PORT}, with no trailing slash. */
    public String baseUrl() {
        return map.baseUrl();
    }

    /** Where a crawl starts: {@code baseUrl() + "/products"}, listing page 1. */
    public URI startUrl() {
        return map.start();
    }

    /** The partner host's base URL, {@code http://127.0.0.1:PORT2}: same address, another port. */
    public String partnerBaseUrl() {
        return map.partnerBaseUrl();
    }

    /** The shop's host as the log names it: {@code 127.0.0.1:PORT}. */
    public String shopHost() {
        return host(shopServer);
    }

    /** The partner's host as the log names it: {@code 127.0.0.1:PORT2}. */
    public String partnerHost() {
        return host(partnerServer);
    }

    /** The configuration in force. */
    public ShopConfig config() {
        return config;
    }

    /**
     * Changes latency, quota, crawl delay or slow factor while running; the port, seed and size
     * stay (the site does not change). A new quota starts with empty windows.
     */
    public void reconfigure(UnaryOperator<ShopConfig> change) {
        ShopConfig current = config;
        ShopConfig next = change.apply(current)
                .withPort(current.port()).withSeed(current.seed()).withPages(current.pages());
        if (!next.quota().equals(current.quota())) {
            quota = quotaFor(next.quota());
        }
        config = next;
    }

    /** The truth about the generated site: what a correct crawler finds, at which depth. */
    public SiteMap map() {
        return map;
    }

    /** Every request to either host so far. */
    public ShopLog log() {
        return log;
    }

    /** {@code log().table()}: one row per request. */
    public Table requestTable() {
        return log.table();
    }

    /**
     * A fresh start for a new exercise: an empty log, empty quota windows, and every connection
     * forgotten (the next request on each counts as a new connection).
     */
    public void reset() {
        log.clear();
        quota = quotaFor(config.quota());
        shopHandler.forgetConnections();
        partnerHandler.forgetConnections();
    }

    /** Stops both hosts; requests still being served are cut off. */
    @Override
    public void close() {
        shopServer.close();
        partnerServer.close();
    }

    @Override
    public String toString() {
        return "Shop simulator at " + baseUrl() + ", partner at " + partnerBaseUrl() + " (" + config.summary() + ")";
    }

    SlidingWindowQuota quota() {
        return quota;
    }

    private static SlidingWindowQuota quotaFor(ShopQuota settings) {
        return new SlidingWindowQuota(settings.requestsPerWindow(), 0, settings.window());
    }
}
