package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.asyncjava.kit.simulators.LatencyModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Hundreds of keep-alive clients at once: none of their reused connections is closed under them. */
class ManyConnectionsTest {

    @Test
    void fourHundredKeepAliveClientsAllGetAnswers() throws Exception {
        GeminiSimulatorConfig config = GeminiSimulatorConfig.fast().withLatencies(
                GeminiLatencies.none().withGenerate(LatencyModel.uniform(Duration.ofMillis(5), Duration.ofMillis(40))));
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        try (GeminiSimulator sim = GeminiSimulator.start(config);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpClient http = HttpClient.newBuilder().executor(threads).version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1beta/models/gemini-2.5-flash:generateContent"))
                    .header("x-goog-api-key", sim.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(RawHttp.prompt("What is 1 plus 1?"))).build();
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 400; c++) {
                clients.add(threads.submit(() -> {
                    for (int i = 0; i < 8; i++) {
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                            if (status == 200) {
                                ok.incrementAndGet();
                            }
                        } catch (Exception e) {
                            synchronized (failures) {
                                failures.add(e.toString());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        }
        assertEquals(List.of(), failures.stream().distinct().toList());
        assertEquals(400 * 8, ok.get());
    }
}
