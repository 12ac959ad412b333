package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.LoggedRequest;
import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Quotas: enforced on arrival, per model, answered with the real 429 body. */
class QuotaTest {

    private static final String MODEL = "gemini-2.5-flash";
    private GeminiSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void overQuotaIsA429ClientExceptionWithTheRealBody() {
        sim = GeminiSimulator.start(GeminiSimulatorConfig.fast().withQuota(GeminiQuota.perWindow(2, Duration.ofSeconds(30))));
        try (Client client = sim.clientWithoutRetries()) {
            client.models.generateContent(MODEL, "one", null);
            client.models.generateContent(MODEL, "two", null);
            ClientException e = assertThrows(ClientException.class,
                    () -> client.models.generateContent(MODEL, "three", null));
            assertEquals(429, e.code());
            assertEquals("RESOURCE_EXHAUSTED", e.status());
            assertTrue(e.getMessage().contains("Please retry in"), e.getMessage());
        }
        RawHttp.Reply raw = RawHttp.post(sim, "/v1beta/models/" + MODEL + ":generateContent", RawHttp.prompt("four"), sim.apiKey());
        assertEquals(429, raw.status());
        var details = raw.json().at("/error/details");
        assertEquals("type.googleapis.com/google.rpc.QuotaFailure", details.get(0).path("@type").asText());
        assertEquals("2", details.get(0).at("/violations/0/quotaValue").asText());
        assertEquals("type.googleapis.com/google.rpc.RetryInfo", details.get(2).path("@type").asText());
        double retrySeconds = Double.parseDouble(details.get(2).path("retryDelay").asText().replace("s", ""));
        assertTrue(retrySeconds > 20 && retrySeconds <= 30, "retryDelay " + retrySeconds);
        LoggedRequest last = sim.log().requests().getLast();
        assertEquals(429, last.status());
        assertEquals(retrySeconds * 1000, last.retryAfterMs(), 1.0);
    }

    @Test
    void aClientWithoutRetriesSeesEach429AtOnce() {
        // SDK 1.70.0 sleeps a 0-2 s back-off even after its last attempt; noRetries() avoids that.
        sim = GeminiSimulator.start(GeminiSimulatorConfig.fast().withQuota(GeminiQuota.perWindow(1, Duration.ofSeconds(30))));
        try (Client client = sim.clientWithoutRetries()) {
            client.models.generateContent(MODEL, "one", null);
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThrows(ClientException.class, () -> client.models.generateContent(MODEL, "again", null));
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs < 1500, "five 429s took " + tookMs + " ms; the SDK's back-off was not switched off");
        }
        assertEquals(5, sim.log().countStatus(429));
    }

    @Test
    void twoHundredConcurrentRequestsLetExactlyTenThrough() throws Exception {
        Duration window = Duration.ofSeconds(30); // longer than the burst takes even on a loaded machine
        sim = GeminiSimulator.start(GeminiSimulatorConfig.fast().withQuota(GeminiQuota.perWindow(10, window)));
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger tooMany = new AtomicInteger();
        try (Client client = sim.clientWithoutRetries();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String prompt = "What is " + i + " plus 1?";
                calls.add(threads.submit(() -> {
                    try {
                        client.models.generateContent(MODEL, prompt, null);
                        ok.incrementAndGet();
                    } catch (ClientException e) {
                        if (e.code() == 429) {
                            tooMany.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
        assertEquals(10, ok.get());
        assertEquals(190, tooMany.get());
        List<LoggedRequest> byArrival = sim.log().requests().stream()
                .sorted(Comparator.comparingDouble(LoggedRequest::arrivalMs)).toList();
        assertTrue(byArrival.subList(0, 10).stream().allMatch(r -> r.status() == 200));
        assertEquals(429, byArrival.get(10).status(), "the 11th arrival");
        assertEquals(10, sim.log().maxAdmittedInWindow(window));
    }

    @Test
    void noWindowEverHoldsMoreThanTheLimit() throws Exception {
        Duration window = Duration.ofMillis(400);
        sim = GeminiSimulator.start(GeminiSimulatorConfig.fast().withQuota(GeminiQuota.perWindow(5, window)));
        try (Client client = sim.clientWithoutRetries();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // Eight callers sending as fast as they can for about 1.5 s: many windows, many refusals.
            long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            List<Future<?>> callers = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int caller = c;
                callers.add(threads.submit(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        try {
                            client.models.generateContent(MODEL, "caller " + caller + " call " + i, null);
                        } catch (ClientException e) {
                            Thread.sleep(10);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        }
        long admitted = sim.log().requests().stream().filter(LoggedRequest::admitted).count();
        assertTrue(admitted >= 10, "admitted " + admitted); // the window did slide: more than one window's worth
        assertTrue(sim.log().countStatus(429) > 0);
        assertTrue(sim.log().maxAdmittedInWindow(window) <= 5,
                sim.log().maxAdmittedInWindow(window) + " admitted within one " + window);
        // Independently of LogFigures: any 6 consecutive admitted arrivals span at least the window.
        double[] times = sim.log().requests().stream().filter(LoggedRequest::admitted)
                .mapToDouble(LoggedRequest::arrivalMs).sorted().toArray();
        for (int i = 5; i < times.length; i++) {
            assertTrue(times[i] - times[i - 5] >= window.toMillis() - 1e-6, "arrivals " + (i - 5) + ".." + i);
        }
    }

    @Test
    void quotaIsPerModelAndCanBeReset() {
        sim = GeminiSimulator.start(GeminiSimulatorConfig.fast().withQuota(GeminiQuota.perWindow(1, Duration.ofSeconds(30))));
        try (Client client = sim.clientWithoutRetries()) {
            client.models.generateContent(MODEL, "one", null);
            client.models.generateContent("gemini-2.5-pro", "one", null); // its own quota
            client.models.countTokens(MODEL, "not metered", null);
            assertThrows(ClientException.class, () -> client.models.generateContent(MODEL, "two", null));
            sim.resetQuota();
            client.models.generateContent(MODEL, "three", null);
        }
    }

    @Test
    void tokenQuotaTurnsAwayLargePrompts() {
        sim = GeminiSimulator.start(GeminiSimulatorConfig.fast().withQuota(
                new GeminiQuota(0, Duration.ofSeconds(30), 20)));
        try (Client client = sim.clientWithoutRetries()) {
            client.models.generateContent(MODEL, "short prompt", null);
            ClientException e = assertThrows(ClientException.class, () -> client.models.generateContent(MODEL,
                    "a much longer prompt that uses up all of the tokens the window still has left for it", null));
            assertEquals(429, e.code());
            assertTrue(e.getMessage().contains("input_token_count"), e.getMessage());
        }
    }

    @Test
    void freeTierPresetAllowsTenPerModelPerWindow() {
        sim = GeminiSimulator.start(GeminiSimulatorConfig.freeTier().withLatencies(GeminiLatencies.none()));
        assertEquals(GeminiQuota.perWindow(10, GeminiQuota.FREE_TIER_WINDOW), sim.config().quota());
        try (Client client = sim.clientWithoutRetries()) {
            for (int i = 0; i < 10; i++) {
                client.models.generateContent(MODEL, "call " + i, null);
            }
            assertThrows(ClientException.class, () -> client.models.generateContent(MODEL, "eleventh", null));
        }
    }
}
