package ai.asyncjava.kit.course;

import ai.asyncjava.kit.simulators.shop.ShopConfig;
import ai.asyncjava.kit.simulators.shop.ShopSimulator;
import java.io.PrintStream;

/**
 * A notebook's one call for the shop site of chapter 05: the course's shop simulator, started in
 * this JVM on free loopback ports the first time it is asked for, and shared by every cell after.
 * <pre>{@code
 * ShopSimulator site = Shop.site();                                   // 50 pages, 100 ms each
 * Shop.site(ShopConfig.small().withLatency(LatencyModel.none()));     // same site, no waiting
 * Shop.site(ShopConfig.benchmark());                                  // another site: 5,000 pages
 * }</pre>
 * There is no real site behind it: a crawler is a tool to point at sites you may crawl, and a
 * course that runs offline and gives the same answers every time needs one of its own.
 */
public final class Shop {

    private static ShopSimulator site;

    private Shop() {
    }

    /** The shop site, started with {@link ShopConfig#small()} on first use. */
    public static synchronized ShopSimulator site() {
        if (site == null) {
            site = start(ShopConfig.small(), System.out);
        }
        return site;
    }

    /**
     * The shop site behaving as {@code config} says. Latency, quota, crawl delay and slow pages
     * change in place, keeping the ports; another seed or size means another site, so the old one
     * is closed and a new one started on new ports. The log starts empty either way.
     */
    public static synchronized ShopSimulator site(ShopConfig config) {
        if (site != null && site.config().seed() == config.seed() && site.config().pages() == config.pages()) {
            site.reconfigure(current -> config);
            site.reset();
            return site;
        }
        if (site != null) {
            site.close();
        }
        site = start(config, System.out);
        return site;
    }

    private static ShopSimulator start(ShopConfig config, PrintStream out) {
        ShopSimulator started = ShopSimulator.start(config);
        out.println("Shop site (simulated): start at " + started.startUrl() + ", partner site at "
                + started.partnerBaseUrl() + "; " + config.summary());
        return started;
    }
}
