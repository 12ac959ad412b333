package ai.asyncjava.kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.works.WorksConfig;
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

/** {@code ./course simulator works}: options become a config; it serves the works search until stopped. */
class WorksSimulatorCommandTest {

    @Test
    void optionsBecomeTheSimulatorsConfig() {
        WorksSimulatorCommand command = new WorksSimulatorCommand();
        new CommandLine(command).parseArgs("--port", "0", "--latency", "20ms", "--quota", "5", "--window", "2s",
                "--seed", "3", "--works", "500", "--faults", "500=0.1");
        WorksConfig config = command.config();
        assertEquals(LatencyModel.fixed(Duration.ofMillis(20)), config.latency());
        assertEquals(5, config.quota());
        assertEquals(Duration.ofSeconds(2), config.quotaWindow());
        assertEquals(3, config.seed());
        assertEquals(500, config.works());
        assertEquals(FaultSettings.parse("500=0.1", 3), config.faults());

        WorksSimulatorCommand defaults = new WorksSimulatorCommand();
        new CommandLine(defaults).parseArgs();
        assertEquals(WorksConfig.realistic().withPort(8767), defaults.config());
    }

    @Test
    void runsUnderTheSimulatorCommandAndPrintsItsUrl() throws Exception {
        SimulatorCommand parent = new SimulatorCommand();
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(parent).setOut(new PrintWriter(printed, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.execute("works", "--port", "0", "--latency", "0"));
        WorksSimulatorCommand command = cli.getSubcommands().get("works").getCommand();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (command.running == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        String baseUrl = command.running.baseUrl();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/works?search=sleep&per_page=1")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
        }
        command.stop.countDown();
        assertEquals(0, exit.get().intValue());
        String out = printed.toString();
        assertTrue(out.contains("listening on " + baseUrl), out);
        assertTrue(out.contains("curl -s '" + baseUrl + "/works?search="), out);
        assertEquals(null, parent.running, "the Gemini simulator did not start");
    }
}
