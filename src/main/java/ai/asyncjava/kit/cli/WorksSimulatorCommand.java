package ai.asyncjava.kit.cli;

import ai.asyncjava.kit.simulators.Durations;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.works.WorksConfig;
import ai.asyncjava.kit.simulators.works.WorksSimulator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./course simulator works}: the chapter 06 works search (OpenAlex's /works) on its own, for any client. */
@Command(name = "works", mixinStandardHelpOptions = true,
        description = "Run the OpenAlex works search simulator (chapter 06: agents) on 127.0.0.1 until Ctrl-C.")
public final class WorksSimulatorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8767", description = "Port on 127.0.0.1 (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--latency", defaultValue = "lognormal:300ms,0.4", description = "Time per answer: 300ms, uniform:100ms..500ms or lognormal:300ms,0.4. Default: ${DEFAULT-VALUE}.")
    String latency;

    @Option(names = "--quota", defaultValue = "10", description = "Requests per window (0: no limit). Default: ${DEFAULT-VALUE}.")
    int quota;

    @Option(names = "--window", defaultValue = "1s", description = "The quota window, e.g. 1s. Default: ${DEFAULT-VALUE}.")
    String window;

    @Option(names = "--seed", defaultValue = "1", description = "Decides the corpus (and seeds latencies and faults). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--works", defaultValue = "" + WorksConfig.DEFAULT_WORKS, description = "How many works the corpus has. Default: ${DEFAULT-VALUE}.")
    int works;

    @Option(names = "--faults", description = "Shares of failing requests, e.g. 500=0.05,503=0.05,hang=0.01,drop=0.01.")
    String faults;

    /** Counted down when the simulator should stop; Ctrl-C ends the JVM, tests count it down. */
    final CountDownLatch stop = new CountDownLatch(1);

    /** The running simulator, once started (for tests). */
    volatile WorksSimulator running;

    @Override
    public Integer call() throws InterruptedException {
        WorksConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        try (WorksSimulator simulator = WorksSimulator.start(config)) {
            running = simulator;
            SimulatorCommand.serveUntilStopped("Works simulator", simulator::close,
                    () -> simulator.log().requests().size(), () -> printBanner(out, simulator), out, stop);
        }
        return 0;
    }

    private static void printBanner(PrintWriter out, WorksSimulator simulator) {
        out.println("Works simulator (OpenAlex /works) listening on " + simulator.baseUrl());
        out.println("  " + simulator.config().summary());
        out.println("  Try: curl -s '" + simulator.worksUrl()
                + "?search=gut%20microbiome%20depression&per_page=2&select=id,display_name,publication_year'");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    WorksConfig config() {
        WorksConfig config = WorksConfig.realistic().withPort(port).withSeed(seed).withLatencySeed(seed).withWorks(works)
                .withLatency(LatencyModel.parse(latency)).withQuota(quota, Durations.parse(window));
        if (faults != null) {
            config = config.withFaults(FaultSettings.parse(faults, seed));
        }
        return config;
    }
}
