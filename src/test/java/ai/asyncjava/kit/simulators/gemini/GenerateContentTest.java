package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.LatencyModel;
import com.google.genai.Client;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** generateContent through the real SDK, sync and async. */
class GenerateContentTest {

    private static final String MODEL = "gemini-2.5-flash";

    @RegisterExtension
    static final SimulatorExtension GEMINI = SimulatorExtension.fast();

    @BeforeEach
    void freshState() {
        GEMINI.sim().reset();
        GEMINI.sim().reconfigure(c -> GeminiSimulatorConfig.fast());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "What is two times 12?|24|twenty-four",
        "What is 7 plus nine?|16|sixteen",
        "what is one hundred and five minus 6|99|ninety-nine",
        "What is the product of 3 and 4?|12|twelve",
        "What is forty-two divided by 6?|7|seven",
        "Compute 1000 * 3|3000|three thousand",
    })
    void answersSumsCorrectlyInDigitsAndWords(String prompt, String digits, String words) {
        String text = GEMINI.client().models.generateContent(MODEL, prompt, null).text();
        assertTrue(text.contains(" is " + digits), text);
        assertTrue(text.contains("(" + words + ")"), text);
        assertEquals(GeminiAnswers.answerTo(prompt), text);
    }

    @Test
    void otherPromptsGetAStableTextQuotingThePrompt() {
        String first = GEMINI.client().models.generateContent(MODEL, "Why use virtual threads?", null).text();
        String again = GEMINI.client().models.generateContent(MODEL, "Why use virtual threads?", null).text();
        String other = GEMINI.client().models.generateContent(MODEL, "Why use a semaphore?", null).text();
        assertEquals(first, again);
        assertTrue(first.contains("Why use virtual threads?"), first);
        assertTrue(!first.equals(other));
        assertEquals(GeminiAnswers.answerTo("Why use virtual threads?"), first);
    }

    @Test
    void reportsUsageMetadataAndModelVersion() {
        String prompt = "What is two times 12?";
        GenerateContentResponse response = GEMINI.client().models.generateContent(MODEL, prompt, null);
        var usage = response.usageMetadata().orElseThrow();
        int answerTokens = GeminiAnswers.tokenCount(response.text());
        assertEquals(GeminiAnswers.tokenCount(prompt), usage.promptTokenCount().orElseThrow());
        assertEquals(answerTokens, usage.candidatesTokenCount().orElseThrow());
        assertEquals(GeminiAnswers.tokenCount(prompt) + answerTokens, usage.totalTokenCount().orElseThrow());
        assertEquals(MODEL, response.modelVersion().orElseThrow());
        assertEquals("STOP", response.finishReason().toString());
    }

    @Test
    void acceptsSystemInstructionsAndMultiTurnHistory() {
        GenerateContentConfig config = GenerateContentConfig.builder()
                .systemInstruction(Content.fromParts(Part.fromText("Answer briefly."))).build();
        List<Content> history = List.of(
                Content.builder().role("user").parts(Part.fromText("Hello")).build(),
                Content.builder().role("model").parts(Part.fromText("Hi! Ask me a sum.")).build(),
                Content.builder().role("user").parts(Part.fromText("What is 6 times 7?")).build());
        String text = GEMINI.client().models.generateContent(MODEL, history, config).text();
        assertTrue(text.contains("42"), text);
    }

    @Test
    void maxOutputTokensCutsTheAnswer() {
        GenerateContentConfig config = GenerateContentConfig.builder().maxOutputTokens(5).build();
        GenerateContentResponse response = GEMINI.client().models.generateContent(MODEL, "Tell me about queues", config);
        assertTrue(GeminiAnswers.tokenCount(response.text()) <= 5, response.text());
        assertEquals("MAX_TOKENS", response.finishReason().toString());
    }

    @Test
    void asyncClientRunsManyCallsAtOnce() {
        GEMINI.sim().reconfigure(c -> c.withLatencies(GeminiLatencies.none().withGenerate(
                LatencyModel.fixed(Duration.ofMillis(300)))));
        List<String> prompts = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "What is " + i + " plus 1?").toList();
        List<CompletableFuture<GenerateContentResponse>> futures = prompts.stream()
                .map(p -> GEMINI.client().async.models.generateContent(MODEL, p, null)).toList();
        for (int i = 0; i < prompts.size(); i++) {
            assertTrue(futures.get(i).join().text().contains(" is " + (i + 1) + " "), futures.get(i).join().text());
        }
        // With the SDK's default of 5 per host this peak would be 5; the course clients allow more.
        assertTrue(GEMINI.sim().log().peakInFlight() >= 10, "peak in flight " + GEMINI.sim().log().peakInFlight());
        assertEquals(20, GEMINI.sim().log().countStatus(200));
    }

    @Test
    void everyCallIsLoggedWithModelMethodAndTimes() {
        GEMINI.client().models.generateContent(MODEL, "What is 1 plus 1?", null);
        var row = GEMINI.sim().log().requests().getFirst();
        assertEquals(MODEL, row.target());
        assertEquals("generateContent", row.method());
        assertEquals(200, row.status());
        assertEquals(1, row.attempt());
        assertTrue(row.arrivalMs() <= row.startMs() && row.startMs() <= row.endMs(), row.toString());
        assertEquals("model", GEMINI.sim().requestTable().column(3).name());
    }
}
