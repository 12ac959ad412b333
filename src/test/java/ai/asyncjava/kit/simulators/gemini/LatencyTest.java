package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import com.google.genai.Client;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configured latencies are what the client waits; the time scale shrinks them. */
class LatencyTest {

    private static final String MODEL = "gemini-2.5-flash";

    @Test
    void generationTakesTheConfiguredLatencyScaledByTheTimeScale() {
        GeminiSimulatorConfig config = GeminiSimulatorConfig.fast()
                .withLatencies(GeminiLatencies.none().withGenerate(LatencyModel.fixed(Duration.ofMillis(1000))))
                .withTimeScale(0.2);
        try (GeminiSimulator sim = GeminiSimulator.start(config); Client client = sim.clientWithoutRetries()) {
            long start = System.nanoTime();
            client.models.generateContent(MODEL, "hi", null);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            LoggedRequest row = sim.log().requests().getFirst();
            assertTrue(row.durationMs() >= 199, "server-side " + row.durationMs() + " ms");
            assertTrue(tookMs >= 199, "client waited " + tookMs + " ms");
            // Generous upper bound: a 1 s latency not scaled would take 1000 ms.
            assertTrue(row.durationMs() < 800, "server-side " + row.durationMs() + " ms: time scale ignored?");
        }
    }

    @Test
    void embeddingBatchesCostABaseDelayPlusAPerItemDelay() {
        GeminiSimulatorConfig config = GeminiSimulatorConfig.fast().withLatencies(GeminiLatencies.none()
                .withEmbed(LatencyModel.fixed(Duration.ofMillis(50)), Duration.ofMillis(5)));
        try (GeminiSimulator sim = GeminiSimulator.start(config); Client client = sim.clientWithoutRetries()) {
            client.models.embedContent("gemini-embedding-001", List.of("a"), null);
            client.models.embedContent("gemini-embedding-001",
                    java.util.stream.IntStream.range(0, 40).mapToObj(i -> "text " + i).toList(), null);
            List<LoggedRequest> rows = sim.log().requests();
            assertTrue(rows.get(0).durationMs() >= 54, rows.get(0).toString());
            assertTrue(rows.get(1).durationMs() >= 249, rows.get(1).toString()); // 50 + 40 × 5
        }
    }

    @Test
    void realisticPresetTakesAboutASecondPerGeneration() {
        GeminiLatencies realistic = GeminiSimulatorConfig.realistic().effectiveLatencies();
        assertTrue(realistic.generate().typical().toMillis() >= 700 && realistic.generate().typical().toMillis() <= 1300);
        assertTrue(GeminiSimulatorConfig.fast().effectiveLatencies().generate().typical().isZero());
    }
}
