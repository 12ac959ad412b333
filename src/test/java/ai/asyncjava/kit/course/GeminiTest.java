package ai.asyncjava.kit.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.gemini.GeminiClients;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiQuota;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import com.google.genai.Client;
import com.google.genai.types.GenerateContentResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The notebook entry point: the simulator without a key, the real API with one, and it says which. */
class GeminiTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @AfterEach
    void stopSimulator() {
        Gemini.stopSimulator();
    }

    @Test
    void withoutAKeyItStartsTheSimulatorAndSaysWhere() {
        try (Client client = Gemini.client(Map.of(), out, GeminiSimulatorConfig.fast(), null)) {
            String text = client.models.generateContent(Gemini.MODEL, "What is two times 12?", null).text();
            assertTrue(text.contains("24"), text);
        }
        GeminiSimulator sim = Gemini.simulator().orElseThrow();
        String said = printed.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("local simulator at " + sim.baseUrl()), said);
        assertTrue(said.contains("quota: no quota"), said);
        assertTrue(said.contains("SDK retries on"), said);
    }

    @Test
    void laterCallsShareTheSimulatorAndCanChangeItsSettings() {
        Gemini.client(Map.of(), out, GeminiSimulatorConfig.fast(), null).close();
        GeminiSimulator first = Gemini.simulator().orElseThrow();
        Gemini.client(Map.of(), out, GeminiSimulatorConfig.fast().withQuota(GeminiQuota.freeTier()),
                com.google.genai.types.HttpRetryOptions.builder().attempts(1).build()).close();
        assertSame(first, Gemini.simulator().orElseThrow());
        assertEquals(GeminiQuota.freeTier(), first.config().quota());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("SDK retries: 1 attempt(s)"));
    }

    @Test
    void aBuilderKeepsTheSdksFiveAsyncCallsPerHostWhereTheClientsAllowMore() {
        GeminiSimulatorConfig slow = GeminiSimulatorConfig.fast()
                .withLatencies(GeminiLatencies.none().withGenerate(LatencyModel.fixed(Duration.ofMillis(300))));
        try (Client builtByYou = Gemini.clientBuilder(Map.of(), out, slow, GeminiClients.noRetries()).build();
             Client course = Gemini.client(Map.of(), out, null, GeminiClients.noRetries())) {
            GeminiSimulator sim = Gemini.simulator().orElseThrow();

            assertEquals(5, peakInFlightOfTenAsyncCalls(builtByYou, sim), "the SDK's default client options");
            assertEquals(10, peakInFlightOfTenAsyncCalls(course, sim), "the course's roomy client options");
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("local simulator at "));
    }

    @Test
    void aBuilderForTheRealApiNeverPrintsTheKey() {
        String key = "AIzaSyTOTALLY-SECRET-builder-key";
        try (Client client = Gemini.clientBuilder(Map.of("GEMINI_API_KEY", key), out, null, null).build()) {
            assertFalse(client.vertexAI());
            assertEquals(key, client.apiKey());
        }
        String said = printed.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("real Gemini API"), said);
        assertFalse(said.contains(key), said);
        assertTrue(Gemini.simulator().isEmpty(), "no simulator started for the real API");
    }

    private static int peakInFlightOfTenAsyncCalls(Client client, GeminiSimulator sim) {
        sim.log().clear();
        List<CompletableFuture<GenerateContentResponse>> calls = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> client.async.models.generateContent(Gemini.MODEL, "What is two times " + i + "?", null))
                .toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        return sim.log().peakInFlight();
    }

    @Test
    void withAKeyItUsesTheRealApiAndNeverPrintsTheKey() {
        String key = "AIzaSyTOTALLY-SECRET-test-key";
        try (Client client = Gemini.client(Map.of("GEMINI_API_KEY", key), out, null, null)) {
            assertFalse(client.vertexAI());
        }
        String said = printed.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("real Gemini API"), said);
        assertFalse(said.contains(key), said);
        assertTrue(Gemini.simulator().isEmpty(), "no simulator started for the real API");
    }
}
