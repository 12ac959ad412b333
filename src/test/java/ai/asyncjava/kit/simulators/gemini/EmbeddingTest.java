package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.genai.types.ContentEmbedding;
import com.google.genai.types.EmbedContentConfig;
import com.google.genai.types.EmbedContentResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Embeddings through the SDK, which sends batchEmbedContents to the Gemini API even for one text. */
class EmbeddingTest {

    private static final String MODEL = "gemini-embedding-001";

    @RegisterExtension
    static final SimulatorExtension GEMINI = SimulatorExtension.fast();

    @BeforeEach
    void freshLog() {
        GEMINI.sim().reset();
    }

    @Test
    void severalTextsGoInOneBatchAndHonourOutputDimensionality() {
        List<String> texts = List.of("virtual threads", "rate limiters", "request batching");
        EmbedContentResponse response = GEMINI.client().models.embedContent(MODEL, texts,
                EmbedContentConfig.builder().outputDimensionality(16).build());
        List<ContentEmbedding> embeddings = response.embeddings().orElseThrow();
        assertEquals(3, embeddings.size());
        for (int i = 0; i < texts.size(); i++) {
            List<Float> values = embeddings.get(i).values().orElseThrow();
            assertEquals(GeminiAnswers.embedding(texts.get(i), 16), values);
            assertEquals(1.0, norm(values), 1e-5);
        }
        var row = GEMINI.sim().log().requests().getFirst();
        assertEquals("batchEmbedContents", row.method());
        assertEquals(3, row.batchSize());
    }

    @Test
    void fullDimensionalityByDefault() {
        EmbedContentResponse response = GEMINI.client().models.embedContent(MODEL, "hello", null);
        List<Float> values = response.embeddings().orElseThrow().getFirst().values().orElseThrow();
        assertEquals(3072, values.size());
        assertEquals(GeminiAnswers.embedding("hello"), values);
        EmbedContentResponse other = GEMINI.client().models.embedContent("text-embedding-004", "hello", null);
        assertEquals(768, other.embeddings().orElseThrow().getFirst().values().orElseThrow().size());
    }

    @Test
    void textsSharingWordsAreCloserThanUnrelatedOnes() {
        double related = GeminiAnswers.cosine(GeminiAnswers.embedding("async rate limiter in Java", 256),
                GeminiAnswers.embedding("a rate limiter for async Java code", 256));
        double unrelated = GeminiAnswers.cosine(GeminiAnswers.embedding("async rate limiter in Java", 256),
                GeminiAnswers.embedding("banana bread recipe", 256));
        assertTrue(related > 0.5 && unrelated < 0.3, "related " + related + ", unrelated " + unrelated);
    }

    @Test
    void restEmbedContentAnswersOneEmbedding() {
        RawHttp.Reply reply = RawHttp.post(GEMINI.sim(), "/v1beta/models/" + MODEL + ":embedContent",
                "{\"content\":{\"parts\":[{\"text\":\"hello\"}]},\"outputDimensionality\":4}", GEMINI.sim().apiKey());
        assertEquals(200, reply.status(), reply.body());
        List<Float> values = new java.util.ArrayList<>();
        reply.json().at("/embedding/values").forEach(v -> values.add(v.floatValue()));
        assertEquals(GeminiAnswers.embedding("hello", 4), values);
    }

    private static double norm(List<Float> values) {
        double sum = 0;
        for (float v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
