package ai.asyncjava.kit.cli;

import ai.asyncjava.kit.simulators.Durations;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.shop.ShopConfig;
import ai.asyncjava.kit.simulators.shop.ShopQuota;
import ai.asyncjava.kit.simulators.shop.ShopSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./course simulator shop}: the chapter 05 shop site on its own, to crawl with any tool. */
@Command(name = "shop", mixinStandardHelpOptions = true,
        description = "Run the shop site simulator (chapter 05: web crawlers) on 127.0.0.1 until Ctrl-C.")
public final class ShopSimulatorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8766", description = "The shop's port on 127.0.0.1 (0: any free one); the partner site takes any free port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--pages", defaultValue = "50", description = "Pages reachable from /products. Default: ${DEFAULT-VALUE}.")
    int pages;

    @Option(names = "--seed", defaultValue = "1", description = "Decides the site (and seeds the latencies). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--latency", defaultValue = "100ms", description = "Time per answer: 100ms, uniform:50ms..200ms or lognormal:100ms,0.5. Default: ${DEFAULT-VALUE}.")
    String latency;

    @Option(names = "--slow-factor", defaultValue = "4", description = "The slow pages take this many times the latency. Default: ${DEFAULT-VALUE}.")
    double slowFactor;

    @Option(names = "--quota", defaultValue = "0", description = "Requests per window per host (0: no limit). Default: ${DEFAULT-VALUE}.")
    int quotaRequests;

    @Option(names = "--window", defaultValue = "1s", description = "The quota window, e.g. 1s. Default: ${DEFAULT-VALUE}.")
    String window;

    @Option(names = "--crawl-delay", defaultValue = "0", description = "The Crawl-delay in robots.txt, in seconds (0.1) or as a duration (100ms); 0 for none. Default: ${DEFAULT-VALUE}.")
    String crawlDelay;

    /** Counted down when the simulator should stop; Ctrl-C ends the JVM, tests count it down. */
    final CountDownLatch stop = new CountDownLatch(1);

    /** The running simulator, once started (for tests). */
    volatile ShopSimulator running;

    @Override
    public Integer call() throws InterruptedException {
        ShopConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        try (ShopSimulator simulator = ShopSimulator.start(config)) {
            running = simulator;
            SimulatorCommand.serveUntilStopped("Shop simulator", simulator::close,
                    () -> simulator.log().requests().size(), () -> printBanner(out, simulator), out, stop);
        }
        return 0;
    }

    private static void printBanner(PrintWriter out, ShopSimulator simulator) {
        out.println("Shop simulator listening on " + simulator.baseUrl());
        out.println("  start URL:    " + simulator.startUrl());
        out.println("  partner site: " + simulator.partnerBaseUrl());
        out.println("  " + simulator.config().summary());
        out.println("  Try: curl -s " + simulator.baseUrl() + "/robots.txt");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    ShopConfig config() {
        ShopConfig config = ShopConfig.small().withPort(port).withPages(pages).withSeed(seed).withLatencySeed(seed)
                .withLatency(LatencyModel.parse(latency)).withSlowFactor(slowFactor)
                .withCrawlDelay(seconds(crawlDelay));
        if (quotaRequests > 0) {
            config = config.withQuota(ShopQuota.perWindow(quotaRequests, Durations.parse(window)));
        }
        return config;
    }

    // robots.txt speaks seconds: a bare number is seconds here (unlike Durations.parse, where it is ms)
    private static Duration seconds(String text) {
        try {
            return Durations.fromMillis(1000 * Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return Durations.parse(text);
        }
    }
}
