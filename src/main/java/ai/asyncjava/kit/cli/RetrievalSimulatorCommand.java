package ai.asyncjava.kit.cli;

import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.retrieval.RetrievalConfig;
import ai.asyncjava.kit.simulators.retrieval.RetrievalSimulator;
import ai.asyncjava.kit.simulators.works.WorksConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./course simulator retrieval}: chapter 07's two search services, vector and keyword, on
 * their own, for any client.
 */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = "Run the vector and keyword search simulators (chapter 07: the RAG request) on 127.0.0.1 until Ctrl-C.")
public final class RetrievalSimulatorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--vector-port", defaultValue = "8768", description = "The vector search's port on 127.0.0.1 (0: any free one). Default: ${DEFAULT-VALUE}.")
    int vectorPort;

    @Option(names = "--keyword-port", defaultValue = "8769", description = "The keyword search's port on 127.0.0.1 (0: any free one). Default: ${DEFAULT-VALUE}.")
    int keywordPort;

    @Option(names = "--latency", description = "Time per search, both services: 100ms, uniform:50ms..150ms or lognormal:100ms,0.3. Default: lognormal:80ms,0.3 (vector), lognormal:120ms,0.3 (keyword).")
    String latency;

    @Option(names = "--time-scale", description = "Multiply every delay by this factor, e.g. 0.1.")
    Double timeScale;

    @Option(names = "--seed", defaultValue = "1", description = "Decides the documents, the works corpus's (and seeds latencies and faults). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--works", defaultValue = "" + WorksConfig.DEFAULT_WORKS, description = "How many documents (works) there are. Default: ${DEFAULT-VALUE}.")
    int works;

    @Option(names = "--dimensions", defaultValue = "" + RetrievalConfig.DEFAULT_DIMENSIONS, description = "The length of the vectors; query embeddings must match it. Default: ${DEFAULT-VALUE}.")
    int dimensions;

    @Option(names = "--faults", description = "Shares of failing searches, both services, e.g. 500=0.05,hang=0.01.")
    String faults;

    /** Counted down when the simulator should stop; Ctrl-C ends the JVM, tests count it down. */
    final CountDownLatch stop = new CountDownLatch(1);

    /** The running simulator, once started (for tests). */
    volatile RetrievalSimulator running;

    @Override
    public Integer call() throws InterruptedException {
        RetrievalConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        try (RetrievalSimulator simulator = RetrievalSimulator.start(config)) {
            running = simulator;
            SimulatorCommand.serveUntilStopped("Retrieval simulator", simulator::close,
                    () -> simulator.log().requests().size(), () -> printBanner(out, simulator), out, stop);
        }
        return 0;
    }

    private static void printBanner(PrintWriter out, RetrievalSimulator simulator) {
        int dimensions = simulator.config().dimensions();
        out.println("Retrieval simulator listening on 127.0.0.1:");
        out.println("  vector search:  POST " + simulator.vectorUrl() + "  {\"embedding\": [" + dimensions
                + " numbers], \"top_k\": 20}");
        out.println("  keyword search: GET  " + simulator.keywordUrl() + "?q=…&top_k=20");
        out.println("  " + simulator.config().summary());
        out.println("  Embed queries with the Gemini simulator (gemini-embedding-001, outputDimensionality " + dimensions
                + "): its embeddings are the index's.");
        out.println("  Try: curl -s '" + simulator.keywordUrl() + "?q=gut%20microbiome%20depression&top_k=3'");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    RetrievalConfig config() {
        RetrievalConfig config = RetrievalConfig.realistic().withPorts(vectorPort, keywordPort).withSeed(seed)
                .withLatencySeed(seed).withWorks(works).withDimensions(dimensions);
        if (latency != null) {
            config = config.withLatency(LatencyModel.parse(latency));
        }
        if (timeScale != null) {
            config = config.withTimeScale(timeScale);
        }
        if (faults != null) {
            config = config.withFaults(FaultSettings.parse(faults, seed));
        }
        return config;
    }
}
