package ai.asyncjava.kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.gemini.GeminiQuota;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
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

/** {@code ./course simulator}: options become a config; the server answers plain HTTP until stopped. */
class SimulatorCommandTest {

    @Test
    void optionsBecomeTheSimulatorsConfig() {
        SimulatorCommand command = new SimulatorCommand();
        new CommandLine(command).parseArgs("--port", "0", "--preset", "free-tier", "--latency", "500ms",
                "--quota", "5", "--window", "2s", "--faults", "503=0.25", "--seed", "9", "--api-key", "k");
        GeminiSimulatorConfig config = command.config();
        assertEquals(LatencyModel.fixed(Duration.ofMillis(500)), config.latencies().generate());
        assertEquals(GeminiQuota.perWindow(5, Duration.ofSeconds(2)), config.quota());
        assertEquals(0.25, config.faults().unavailable());
        assertEquals(9, config.faults().seed());
        assertEquals("k", config.apiKey());
        assertTrue(config.faults().withShare(Fault.UNAVAILABLE, 0).isNone());
        assertFalse(config.watchForDisconnects());
    }

    @Test
    void watchingForDisconnectsIsAFlag() {
        SimulatorCommand command = new SimulatorCommand();
        new CommandLine(command).parseArgs("--port", "0", "--watch-disconnects");
        assertTrue(command.config().watchForDisconnects());
    }

    @Test
    void servesUntilStoppedAndPrintsTheBaseUrl() throws Exception {
        SimulatorCommand command = new SimulatorCommand();
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(printed, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.execute("--port", "0", "--preset", "fast"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (command.running == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        String baseUrl = command.running.baseUrl();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/v1beta/models/gemini-2.5-flash:generateContent"))
                .header("x-goog-api-key", GeminiSimulatorConfig.DEFAULT_API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"contents\":[{\"parts\":[{\"text\":\"What is two times 12?\"}]}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("24 (twenty-four)"), response.body());

        command.stop.countDown();
        assertEquals(0, exit.get().intValue());
        assertTrue(printed.toString().contains("listening on " + baseUrl), printed.toString());
    }
}
