package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LoggedRequest;
import com.google.genai.Client;
import com.google.genai.errors.ServerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Injected faults: 500, 503, hang, dropped connection; seeded shares repeat run after run. */
class FaultsTest {

    private static final String MODEL = "gemini-2.5-flash";

    @Test
    void queuedFaultsReachTheCallerAsTheRealErrors() {
        try (GeminiSimulator sim = GeminiSimulator.start(GeminiSimulatorConfig.fast());
             Client client = sim.clientWithoutRetries()) {
            sim.failNext(Fault.INTERNAL_ERROR, Fault.UNAVAILABLE);
            ServerException internal = assertThrows(ServerException.class,
                    () -> client.models.generateContent(MODEL, "a", null));
            assertEquals(500, internal.code());
            assertEquals("INTERNAL", internal.status());
            ServerException unavailable = assertThrows(ServerException.class,
                    () -> client.models.generateContent(MODEL, "b", null));
            assertEquals(503, unavailable.code());
            assertEquals("UNAVAILABLE", unavailable.status());
            client.models.generateContent(MODEL, "c", null); // back to normal
            assertEquals(List.of("500", "503", "none"), sim.log().requests().stream().map(LoggedRequest::fault).toList());
        }
    }

    @Test
    void aHangingRequestIsHeldThenAnswered504() {
        Duration hang = Duration.ofMillis(400);
        try (GeminiSimulator sim = GeminiSimulator.start(GeminiSimulatorConfig.fast()
                .withFaults(FaultSettings.none().withHangFor(hang)));
             Client client = sim.clientWithoutRetries()) {
            sim.failNext(Fault.HANG);
            long start = System.nanoTime();
            ServerException e = assertThrows(ServerException.class, () -> client.models.generateContent(MODEL, "a", null));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(504, e.code());
            assertTrue(tookMs >= hang.toMillis() - 5, "answered after " + tookMs + " ms");
            LoggedRequest row = sim.log().requests().getFirst();
            assertEquals("hang", row.fault());
            assertTrue(row.durationMs() >= hang.toMillis() - 5);
        }
    }

    @Test
    void aDroppedConnectionIsAnIoErrorAndLoggedWithoutStatus() {
        try (GeminiSimulator sim = GeminiSimulator.start(GeminiSimulatorConfig.fast());
             Client client = sim.clientWithoutRetries()) {
            // OkHttp itself may retry a request whose connection died; queue enough drops for that.
            sim.failNext(Fault.DROP, Fault.DROP, Fault.DROP, Fault.DROP);
            RuntimeException e = assertThrows(RuntimeException.class, () -> client.models.generateContent(MODEL, "a", null));
            assertTrue(!(e instanceof com.google.genai.errors.ApiException), "not an HTTP answer: " + e);
            LoggedRequest row = sim.log().requests().getFirst();
            assertEquals("drop", row.fault());
            assertEquals(0, row.status());
        }
    }

    @Test
    void seededSharesPickTheSameRequestsEveryRun() {
        FaultSettings settings = FaultSettings.none().withShare(Fault.UNAVAILABLE, 0.3).withSeed(7);
        List<Integer> first = failingPrompts(settings);
        List<Integer> again = failingPrompts(settings);
        List<Integer> otherSeed = failingPrompts(settings.withSeed(8));
        assertEquals(first, again);
        assertNotEquals(first, otherSeed);
        assertTrue(first.size() >= 6 && first.size() <= 20, "failed " + first.size() + " of 40");
    }

    private static List<Integer> failingPrompts(FaultSettings settings) {
        List<Integer> failed = new ArrayList<>();
        try (GeminiSimulator sim = GeminiSimulator.start(GeminiSimulatorConfig.fast().withFaults(settings));
             Client client = sim.clientWithoutRetries()) {
            for (int i = 0; i < 40; i++) {
                try {
                    client.models.generateContent(MODEL, "prompt " + i, null);
                } catch (ServerException e) {
                    failed.add(i);
                }
            }
        }
        return failed;
    }
}
