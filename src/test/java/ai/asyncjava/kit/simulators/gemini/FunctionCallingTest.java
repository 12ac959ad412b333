package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionCallingConfig;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.Tool;
import com.google.genai.types.ToolConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Function calling: calls out, responses in, driven by the default script or a plugged-in one. */
class FunctionCallingTest {

    private static final String MODEL = "gemini-2.5-flash";
    private static final String QUESTION = "What is two times 12?";

    private static final GenerateContentConfig WITH_SEARCH = GenerateContentConfig.builder()
            .tools(Tool.builder().functionDeclarations(FunctionDeclaration.builder()
                    .name("search").description("Searches papers.")
                    .parameters(Schema.builder().type("OBJECT")
                            .properties(Map.of("query", Schema.builder().type("STRING").build(),
                                    "limit", Schema.builder().type("INTEGER").build()))
                            .build())
                    .build()).build())
            .build();

    @RegisterExtension
    static final SimulatorExtension GEMINI = SimulatorExtension.fast();

    @BeforeEach
    void defaultScript() {
        GEMINI.sim().reconfigure(c -> c.withScript(new DefaultScript()));
    }

    @Test
    void defaultScriptCallsTheToolThenAnswersWithItsResult() {
        GenerateContentResponse first = GEMINI.client().models.generateContent(MODEL, QUESTION, WITH_SEARCH);
        List<FunctionCall> calls = first.functionCalls();
        assertEquals(1, calls.size());
        assertEquals("search", calls.getFirst().name().orElseThrow());
        assertEquals(Map.of("query", QUESTION), calls.getFirst().args().orElseThrow());

        List<Content> history = List.of(
                Content.builder().role("user").parts(Part.fromText(QUESTION)).build(),
                first.candidates().orElseThrow().getFirst().content().orElseThrow(),
                Content.builder().role("user").parts(Part.fromFunctionResponse("search",
                        Map.of("results", List.of("paper A", "paper B")))).build());
        String answer = GEMINI.client().models.generateContent(MODEL, history, WITH_SEARCH).text();
        assertTrue(answer.startsWith("Using the results of search: "), answer);
        assertTrue(answer.contains("24 (twenty-four)"), answer);
    }

    @Test
    void modeNoneGetsPlainText() {
        GenerateContentConfig none = WITH_SEARCH.toBuilder().toolConfig(ToolConfig.builder()
                .functionCallingConfig(FunctionCallingConfig.builder().mode("NONE").build()).build()).build();
        GenerateContentResponse response = GEMINI.client().models.generateContent(MODEL, QUESTION, none);
        assertTrue(response.functionCalls() == null || response.functionCalls().isEmpty());
        assertEquals(GeminiAnswers.answerTo(QUESTION), response.text());
    }

    @Test
    void aPluggedInScriptSeesTheConversationAndDecidesTheCalls() {
        AtomicReference<ModelCall> seen = new AtomicReference<>();
        GEMINI.sim().reconfigure(c -> c.withScript(call -> {
            seen.set(call);
            return new ModelReply("Searching twice.", List.of(
                    new TurnPart.FunctionCall("search", Map.of("query", "a")),
                    new TurnPart.FunctionCall("search", Map.of("query", "b"))));
        }));
        GenerateContentConfig config = WITH_SEARCH.toBuilder()
                .systemInstruction(Content.fromParts(Part.fromText("Use many searches."))).build();
        GenerateContentResponse response = GEMINI.client().models.generateContent(MODEL, "Find work on RAG", config);

        assertEquals(List.of("a", "b"), response.functionCalls().stream()
                .map(f -> f.args().orElseThrow().get("query")).toList());
        assertEquals("Use many searches.", seen.get().systemInstruction());
        assertEquals("Find work on RAG", seen.get().firstUserText());
        ToolDeclaration tool = seen.get().tools().getFirst();
        assertEquals("search", tool.name());
        assertTrue(((Map<?, ?>) tool.parameters().get("properties")).containsKey("limit"));
    }

    @Test
    void streamedFunctionCallsArriveInChunksOfTheirOwn() {
        GEMINI.sim().reconfigure(c -> c.withScript(call -> ModelReply.calls(List.of(
                new TurnPart.FunctionCall("search", Map.of("query", "x")),
                new TurnPart.FunctionCall("search", Map.of("query", "y")),
                new TurnPart.FunctionCall("search", Map.of("query", "z"))))));
        List<String> perChunk = new ArrayList<>();
        try (ResponseStream<GenerateContentResponse> stream =
                     GEMINI.client().models.generateContentStream(MODEL, "Find work on RAG", WITH_SEARCH)) {
            for (GenerateContentResponse chunk : stream) {
                chunk.functionCalls().forEach(f -> perChunk.add(String.valueOf(f.args().orElseThrow().get("query"))));
            }
        }
        assertEquals(List.of("x", "y", "z"), perChunk);
    }
}
