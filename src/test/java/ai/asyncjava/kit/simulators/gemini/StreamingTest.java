package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.LatencyModel;
import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** streamGenerateContent?alt=sse through the SDK: several chunks, spaced in time, joining into the answer. */
class StreamingTest {

    private static final String MODEL = "gemini-2.5-flash";
    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration GAP = Duration.ofMillis(100);

    @RegisterExtension
    static final SimulatorExtension GEMINI = new SimulatorExtension(GeminiSimulatorConfig.fast()
            .withLatencies(GeminiLatencies.none().withStreaming(LatencyModel.fixed(FIRST), LatencyModel.fixed(GAP))));

    @Test
    void streamsSeveralChunksThatJoinIntoTheAnswer() {
        String prompt = "Explain back-pressure in a pipeline";
        List<String> pieces = new ArrayList<>();
        GenerateContentResponse last = null;
        long start = System.nanoTime();
        long firstChunkAt;
        try (ResponseStream<GenerateContentResponse> stream = GEMINI.client().models.generateContentStream(MODEL, prompt, null)) {
            firstChunkAt = System.nanoTime(); // the SDK returns the stream once it has read the first chunk
            for (GenerateContentResponse chunk : stream) {
                pieces.add(chunk.text());
                last = chunk;
            }
        }
        long endAt = System.nanoTime();
        assertTrue(pieces.size() >= 4, "chunks: " + pieces);
        assertEquals(GeminiAnswers.answerTo(prompt), String.join("", pieces));
        assertEquals("STOP", last.finishReason().toString());
        assertTrue(last.usageMetadata().orElseThrow().candidatesTokenCount().orElse(0) > 0);

        // Chunks cannot come faster than the server sends them: a lower bound that holds on any machine.
        long totalMs = (endAt - start) / 1_000_000;
        long minimum = FIRST.toMillis() + GAP.toMillis() * (pieces.size() - 1);
        assertTrue(totalMs >= minimum - 5, "whole stream took " + totalMs + " ms, the gaps alone take " + minimum);
        // And the first chunk is there well before the last (generous: a busy machine may delay the reader).
        long firstToEndMs = (endAt - firstChunkAt) / 1_000_000;
        assertTrue(firstToEndMs >= GAP.toMillis() * 2, "first chunk only " + firstToEndMs + " ms before the end");
    }

    @Test
    void firstChunkComesAfterTheTimeToFirstToken() {
        long start = System.nanoTime();
        try (ResponseStream<GenerateContentResponse> stream = GEMINI.client().models.generateContentStream(MODEL, "hi", null)) {
            stream.iterator().next();
            long firstMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(firstMs >= 95, "first chunk after " + firstMs + " ms");
        }
        var row = GEMINI.sim().log().requests().getLast();
        assertEquals("streamGenerateContent", row.method());
    }

    @Test
    void withoutAltSseTheChunksComeAsOneJsonArray() {
        RawHttp.Reply reply = RawHttp.post(GEMINI.sim(), "/v1beta/models/" + MODEL + ":streamGenerateContent",
                RawHttp.prompt("What is 2 plus 2?"), GEMINI.sim().apiKey());
        assertEquals(200, reply.status());
        assertTrue(reply.json().isArray() && reply.json().size() >= 2, reply.body());
        StringBuilder text = new StringBuilder();
        reply.json().forEach(chunk -> text.append(chunk.at("/candidates/0/content/parts/0/text").asText()));
        assertEquals(GeminiAnswers.answerTo("What is 2 plus 2?"), text.toString());
    }
}
