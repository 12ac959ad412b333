package ai.asyncjava.kit.cli;

import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.Durations;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.gemini.GeminiQuota;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the Gemini simulator on its own, so curl, other tools and other languages' SDKs can use it;
 * its subcommands {@code shop}, {@code works} and {@code retrieval} run the chapter 05 shop site, the chapter 06 works
 * search and the chapter 07 search services instead.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Run a simulator on 127.0.0.1: Gemini, shop, works or retrieval.",
        subcommands = {ShopSimulatorCommand.class, WorksSimulatorCommand.class, RetrievalSimulatorCommand.class})
public final class SimulatorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8765", description = "Port on 127.0.0.1 (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--preset", defaultValue = "realistic",
            description = "realistic (about 1 s per answer, no quota), free-tier (plus 10 requests per 6 s per model) or fast (no delays). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--latency", description = "Latency of generation and embedding calls: 500ms, uniform:200ms..800ms or lognormal:900ms,0.3.")
    String latency;

    @Option(names = "--time-scale", description = "Multiply every delay by this factor, e.g. 0.1.")
    Double timeScale;

    @Option(names = "--quota", description = "Requests per window per model (0: no limit).")
    Integer quotaRequests;

    @Option(names = "--window", description = "The quota window, e.g. 6s or 1m.")
    String window;

    @Option(names = "--tokens-per-window", description = "Prompt tokens per window per model (0: no limit).")
    Long quotaTokens;

    @Option(names = "--faults", description = "Shares of failing calls, e.g. 503=0.1,500=0.05,hang=0.01,drop=0.01.")
    String faults;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the faults and latencies. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--watch-disconnects",
            description = "See clients hang up the moment they do (a relay watches every connection): their calls stop and are logged as 499.")
    boolean watchDisconnects;

    @Option(names = "--api-key", description = "The key clients must send (default: " + GeminiSimulatorConfig.DEFAULT_API_KEY + ").")
    String apiKey;

    /** Counted down when the simulator should stop; Ctrl-C ends the JVM, tests count it down. */
    final CountDownLatch stop = new CountDownLatch(1);

    /** The running simulator, once started (for tests). */
    volatile GeminiSimulator running;

    @Override
    public Integer call() throws InterruptedException {
        GeminiSimulatorConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        try (GeminiSimulator simulator = GeminiSimulator.start(config)) {
            running = simulator;
            serveUntilStopped("Gemini simulator", simulator::close, () -> simulator.log().requests().size(),
                    () -> printBanner(out, simulator), out, stop);
        }
        return 0;
    }

    /**
     * Prints the banner, then waits until {@code stop} is counted down; on Ctrl-C meanwhile,
     * closes the simulator and says how many requests it served.
     */
    static void serveUntilStopped(String name, Runnable close, IntSupplier requestCount, Runnable banner,
                                  PrintWriter out, CountDownLatch stop) throws InterruptedException {
        Thread stopper = new Thread(() -> {
            close.run();
            out.println(name + " stopped after " + requestCount.getAsInt() + " requests.");
            out.flush();
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        banner.run();
        stop.await();
        Runtime.getRuntime().removeShutdownHook(stopper);
    }

    GeminiSimulatorConfig config() {
        GeminiSimulatorConfig config = GeminiSimulatorConfig.preset(preset).withPort(port).withLatencySeed(seed);
        if (apiKey != null) {
            config = config.withApiKey(apiKey);
        }
        if (latency != null) {
            config = config.withLatencies(config.latencies().withAllCalls(LatencyModel.parse(latency)));
        }
        if (timeScale != null) {
            config = config.withTimeScale(timeScale);
        }
        GeminiQuota quota = config.quota();
        if (quotaRequests != null) {
            quota = new GeminiQuota(quotaRequests, quota.window(), quota.tokensPerWindow());
        }
        if (window != null) {
            quota = quota.withWindow(Durations.parse(window));
        }
        if (quotaTokens != null) {
            quota = quota.withTokensPerWindow(quotaTokens);
        }
        config = config.withQuota(quota);
        if (faults != null) {
            config = config.withFaults(FaultSettings.parse(faults, seed));
        }
        if (watchDisconnects) {
            config = config.withWatchForDisconnects(true);
        }
        return config;
    }

    private static void printBanner(PrintWriter out, GeminiSimulator simulator) {
        String url = simulator.baseUrl();
        out.println("Gemini simulator listening on " + url);
        out.println("  API key: " + simulator.apiKey() + "  (send it as the x-goog-api-key header)");
        out.println("  " + simulator.config().summary());
        out.println("  Java SDK: Client.builder().apiKey(\"" + simulator.apiKey()
                + "\").httpOptions(HttpOptions.builder().baseUrl(\"" + url + "\").build()).build()");
        out.println("  Try: curl -s " + url + "/v1beta/models/gemini-2.5-flash:generateContent"
                + " -H 'x-goog-api-key: " + simulator.apiKey() + "' -H 'Content-Type: application/json'"
                + " -d '{\"contents\":[{\"parts\":[{\"text\":\"What is two times 12?\"}]}]}'");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
