package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.LoggedRequest;
import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import com.google.genai.types.HttpRetryOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK retries 429 and 5xx on its own; the log shows each attempt of one logical request. */
class RetryLogTest {

    private static final String MODEL = "gemini-2.5-flash";
    /** The SDK's own retry loop, with short back-offs so the test is quick. */
    private static final HttpRetryOptions QUICK_RETRIES = HttpRetryOptions.builder()
            .attempts(3).initialDelay(0.02).maxDelay(0.05).build();

    private GeminiSimulator sim;

    @BeforeEach
    void start() {
        sim = GeminiSimulator.start(GeminiSimulatorConfig.fast());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void sdkRetriesOfA503AreLoggedAsAttemptsOfOneRequest() {
        sim.failNext(Fault.UNAVAILABLE, Fault.UNAVAILABLE);
        try (Client client = sim.client(QUICK_RETRIES)) {
            String text = client.models.generateContent(MODEL, "What is 3 times 3?", null).text();
            assertTrue(text.contains("9 (nine)"), text);
        }
        List<LoggedRequest> rows = sim.log().requests();
        assertEquals(List.of(503, 503, 200), rows.stream().map(LoggedRequest::status).toList());
        assertEquals(List.of(1, 2, 3), rows.stream().map(LoggedRequest::attempt).toList());
        assertEquals(1, rows.stream().map(LoggedRequest::request).distinct().count());
        assertEquals(2, sim.log().retries());
    }

    @Test
    void sdkRetriesOfA429AreLoggedToo() {
        sim.reconfigure(c -> c.withQuota(GeminiQuota.perWindow(1, Duration.ofSeconds(30))));
        try (Client client = sim.client(QUICK_RETRIES)) {
            client.models.generateContent(MODEL, "first", null);
            ClientException e = assertThrows(ClientException.class,
                    () -> client.models.generateContent(MODEL, "second", null));
            assertEquals(429, e.code());
        }
        List<LoggedRequest> second = sim.log().requests().stream().filter(r -> r.request() == 2).toList();
        assertEquals(List.of(1, 2, 3), second.stream().map(LoggedRequest::attempt).toList());
        assertTrue(second.stream().allMatch(r -> r.status() == 429));
    }

    @Test
    void withoutRetriesEachRequestIsTriedOnce() {
        sim.failNext(Fault.UNAVAILABLE);
        try (Client client = sim.clientWithoutRetries()) {
            assertThrows(com.google.genai.errors.ServerException.class,
                    () -> client.models.generateContent(MODEL, "hello", null));
        }
        assertEquals(1, sim.log().requests().size());
    }

    @Test
    void theSameTextSentAgainAfterSuccessIsANewRequest() {
        try (Client client = sim.clientWithoutRetries()) {
            client.models.generateContent(MODEL, "same", null);
            client.models.generateContent(MODEL, "same", null);
        }
        assertEquals(List.of(1, 2), sim.log().requests().stream().map(LoggedRequest::request).toList());
        assertEquals(0, sim.log().retries());
    }
}
