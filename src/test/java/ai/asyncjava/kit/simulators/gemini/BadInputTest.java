package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad requests get the real API's error shapes, and the server keeps serving. */
class BadInputTest {

    private static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";

    @RegisterExtension
    static final SimulatorExtension GEMINI = SimulatorExtension.fast();

    @AfterEach
    void serverStillAnswers() {
        RawHttp.Reply ok = RawHttp.post(GEMINI.sim(), GENERATE, RawHttp.prompt("What is 1 plus 1?"), GEMINI.sim().apiKey());
        assertEquals(200, ok.status(), ok.body());
    }

    @Test
    void malformedJsonIs400InvalidArgument() {
        RawHttp.Reply reply = RawHttp.post(GEMINI.sim(), GENERATE, "{\"contents\": [", GEMINI.sim().apiKey());
        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENT", reply.errorStatus());
        assertEquals(400, reply.json().at("/error/code").asInt());
        assertTrue(reply.json().at("/error/message").asText().startsWith("Invalid JSON payload received."));
        assertEquals(400, RawHttp.post(GEMINI.sim(), GENERATE, "\u0000\u0001garbage", GEMINI.sim().apiKey()).status());
        assertEquals(400, RawHttp.post(GEMINI.sim(), GENERATE, "[1,2]", GEMINI.sim().apiKey()).status());
    }

    @Test
    void missingContentsOrPartsIs400() {
        assertEquals("INVALID_ARGUMENT", RawHttp.post(GEMINI.sim(), GENERATE, "{}", GEMINI.sim().apiKey()).errorStatus());
        RawHttp.Reply noParts = RawHttp.post(GEMINI.sim(), GENERATE, "{\"contents\":[{\"role\":\"user\"}]}", GEMINI.sim().apiKey());
        assertEquals(400, noParts.status());
        assertTrue(noParts.json().at("/error/message").asText().contains("parts"));
    }

    @Test
    void unknownModelIs404NotFound() {
        RawHttp.Reply reply = RawHttp.post(GEMINI.sim(), "/v1beta/models/gemini-9-ultra:generateContent",
                RawHttp.prompt("hi"), GEMINI.sim().apiKey());
        assertEquals(404, reply.status());
        assertEquals("NOT_FOUND", reply.errorStatus());
        assertTrue(reply.json().at("/error/message").asText().contains("models/gemini-9-ultra is not found"));
        // An embedding model cannot generate, and a generation model cannot embed.
        assertEquals(404, RawHttp.post(GEMINI.sim(), "/v1beta/models/gemini-embedding-001:generateContent",
                RawHttp.prompt("hi"), GEMINI.sim().apiKey()).status());
        assertEquals(404, RawHttp.get(GEMINI.sim(), "/v1beta/models/gemini-9-ultra", GEMINI.sim().apiKey()).status());
    }

    @Test
    void unknownPathsAndWrongMethodsAre404() {
        assertEquals(404, RawHttp.post(GEMINI.sim(), "/v1beta/models/gemini-2.5-flash:explode", "{}", GEMINI.sim().apiKey()).status());
        assertEquals(404, RawHttp.get(GEMINI.sim(), "/nothing/here", GEMINI.sim().apiKey()).status());
        assertEquals(404, RawHttp.get(GEMINI.sim(), GENERATE, GEMINI.sim().apiKey()).status());
    }

    @Test
    void missingKeyIs403AndWrongKeyIs400() {
        RawHttp.Reply missing = RawHttp.post(GEMINI.sim(), GENERATE, RawHttp.prompt("hi"), null);
        assertEquals(403, missing.status());
        assertEquals("PERMISSION_DENIED", missing.errorStatus());
        RawHttp.Reply wrong = RawHttp.post(GEMINI.sim(), GENERATE, RawHttp.prompt("hi"), "not-the-key");
        assertEquals(400, wrong.status());
        assertEquals("API_KEY_INVALID", wrong.json().at("/error/details/0/reason").asText());
        // The key may also come as ?key=, as with the real API.
        assertEquals(200, RawHttp.post(GEMINI.sim(), GENERATE + "?key=" + GEMINI.sim().apiKey(), RawHttp.prompt("hi"), null).status());
    }

    @Test
    void theSdkSeesAWrongKeyAsClientException400() {
        try (Client wrong = GeminiClients.forSimulator(GEMINI.sim().baseUrl(), "wrong", GeminiClients.noRetries())) {
            ClientException e = assertThrows(ClientException.class,
                    () -> wrong.models.generateContent("gemini-2.5-flash", "hi", null));
            assertEquals(400, e.code());
            assertTrue(e.getMessage().contains("API key not valid"), e.getMessage());
        }
    }

    @Test
    void anEmbeddingBatchOverOneHundredIs400() {
        String batch = IntStream.range(0, 101)
                .mapToObj(i -> "{\"model\":\"models/gemini-embedding-001\",\"content\":{\"parts\":[{\"text\":\"t" + i + "\"}]}}")
                .collect(Collectors.joining(",", "{\"requests\":[", "]}"));
        RawHttp.Reply reply = RawHttp.post(GEMINI.sim(), "/v1beta/models/gemini-embedding-001:batchEmbedContents", batch, GEMINI.sim().apiKey());
        assertEquals(400, reply.status());
        assertTrue(reply.json().at("/error/message").asText().contains("at most 100 requests"));
    }

    @Test
    void anOutputDimensionalityOutOfRangeIs400() {
        String body = "{\"requests\":[{\"model\":\"models/gemini-embedding-001\",\"content\":{\"parts\":[{\"text\":\"t\"}]},"
                + "\"outputDimensionality\":5000}]}";
        assertEquals(400, RawHttp.post(GEMINI.sim(), "/v1beta/models/gemini-embedding-001:batchEmbedContents", body,
                GEMINI.sim().apiKey()).status());
    }

    @Test
    void badRequestsAreLoggedButDoNotUseQuota() {
        GEMINI.sim().reset();
        RawHttp.post(GEMINI.sim(), GENERATE, "{oops", GEMINI.sim().apiKey());
        var row = GEMINI.sim().log().requests().getFirst();
        assertEquals(400, row.status());
        assertTrue(!row.admitted());
        assertTrue(Double.isNaN(row.retryAfterMs()));
    }
}
