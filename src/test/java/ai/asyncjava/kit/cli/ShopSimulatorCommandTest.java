package ai.asyncjava.kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.shop.ShopConfig;
import ai.asyncjava.kit.simulators.shop.ShopQuota;
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

/** {@code ./course simulator shop}: options become a config; it serves the site until stopped. */
class ShopSimulatorCommandTest {

    @Test
    void optionsBecomeTheShopsConfig() {
        ShopSimulatorCommand command = new ShopSimulatorCommand();
        new CommandLine(command).parseArgs("--port", "0", "--pages", "80", "--seed", "3", "--latency", "20ms",
                "--quota", "10", "--window", "2s", "--crawl-delay", "0.05", "--slow-factor", "3");
        ShopConfig config = command.config();
        assertEquals(80, config.pages());
        assertEquals(3, config.seed());
        assertEquals(LatencyModel.fixed(Duration.ofMillis(20)), config.latency());
        assertEquals(ShopQuota.perWindow(10, Duration.ofSeconds(2)), config.quota());
        assertEquals(Duration.ofMillis(50), config.crawlDelay());
        assertEquals(3, config.slowFactor());

        ShopSimulatorCommand defaults = new ShopSimulatorCommand();
        new CommandLine(defaults).parseArgs();
        assertEquals(8766, defaults.config().port());
        assertEquals(ShopConfig.small().withPort(8766), defaults.config());
    }

    @Test
    void runsUnderTheSimulatorCommandAndPrintsItsUrls() throws Exception {
        SimulatorCommand parent = new SimulatorCommand();
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(parent).setOut(new PrintWriter(printed, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.execute("shop", "--port", "0", "--latency", "0"));
        ShopSimulatorCommand command = cli.getSubcommands().get("shop").getCommand();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (command.running == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        String baseUrl = command.running.baseUrl();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/products")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
        }
        String partner = command.running.partnerBaseUrl();
        command.stop.countDown();
        assertEquals(0, exit.get().intValue());
        String out = printed.toString();
        assertTrue(out.contains("listening on " + baseUrl), out);
        assertTrue(out.contains(baseUrl + "/products"), out);
        assertTrue(out.contains(partner), out);
        assertEquals(null, parent.running, "the Gemini simulator did not start");
    }
}
