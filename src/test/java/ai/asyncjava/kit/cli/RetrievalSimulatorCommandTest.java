package ai.asyncjava.kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.retrieval.RetrievalConfig;
import ai.asyncjava.kit.simulators.retrieval.Service;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./course simulator retrieval}: options become a config; it serves both searches until stopped. */
class RetrievalSimulatorCommandTest {

    @Test
    void optionsBecomeTheSimulatorsConfig() {
        RetrievalSimulatorCommand command = new RetrievalSimulatorCommand();
        new CommandLine(command).parseArgs("--vector-port", "0", "--keyword-port", "0", "--latency", "20ms",
                "--time-scale", "0.5", "--seed", "3", "--works", "500", "--dimensions", "256", "--faults", "500=0.1");
        RetrievalConfig config = command.config();
        assertEquals(LatencyModel.fixed(Duration.ofMillis(20)), config.latency(Service.VECTOR));
        assertEquals(LatencyModel.fixed(Duration.ofMillis(20)), config.latency(Service.KEYWORD));
        assertEquals(0.5, config.timeScale());
        assertEquals(3, config.seed());
        assertEquals(500, config.works());
        assertEquals(256, config.dimensions());
        assertEquals(FaultSettings.parse("500=0.1", 3), config.faults(Service.VECTOR));
        assertEquals(FaultSettings.parse("500=0.1", 3), config.faults(Service.KEYWORD));

        RetrievalSimulatorCommand defaults = new RetrievalSimulatorCommand();
        new CommandLine(defaults).parseArgs();
        assertEquals(RetrievalConfig.realistic().withPorts(8768, 8769), defaults.config());
    }

    @Test
    void runsUnderTheSimulatorCommandAndPrintsItsUrls() throws Exception {
        SimulatorCommand parent = new SimulatorCommand();
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(parent).setOut(new PrintWriter(printed, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.execute("retrieval", "--vector-port", "0", "--keyword-port", "0", "--latency", "0"));
        RetrievalSimulatorCommand command = cli.getSubcommands().get("retrieval").getCommand();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (command.running == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        String keywordUrl = command.running.keywordUrl();
        String vectorUrl = command.running.vectorUrl();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(keywordUrl + "?q=sleep&top_k=1"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
        }
        command.stop.countDown();
        assertEquals(0, exit.get().intValue());
        String out = printed.toString();
        assertTrue(out.contains("POST " + vectorUrl), out);
        assertTrue(out.contains("GET  " + keywordUrl), out);
        assertTrue(out.contains("curl -s '" + keywordUrl + "?q="), out);
        assertNull(parent.running, "the Gemini simulator did not start");
    }
}
