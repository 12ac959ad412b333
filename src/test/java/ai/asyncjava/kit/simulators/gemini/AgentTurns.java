package ai.asyncjava.kit.simulators.gemini;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.FunctionResponse;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A research agent's moves through the real SDK, for the tests: stream a reply, answer its calls. */
final class AgentTurns {

    static final String MODEL = "gemini-2.5-flash";
    static final String QUESTION = "How does the gut microbiome influence mental health?";

    /** The chapter's tool: search_openalex(search: string), required. */
    static final GenerateContentConfig RESEARCH = GenerateContentConfig.builder()
            .tools(Tool.builder().functionDeclarations(FunctionDeclaration.builder()
                    .name("search_openalex").description("Searches the OpenAlex API to retrieve academic works.")
                    .parameters(Schema.builder().type("OBJECT")
                            .properties(Map.of("search", Schema.builder().type("STRING")
                                    .description("Search term (1-10 words).").build()))
                            .required(List.of("search"))
                            .build())
                    .build()).build())
            .systemInstruction(Content.fromParts(Part.fromText("Search in rounds, then give a cited final answer.")))
            .build();

    /**
     * One streamed reply, read on this thread.
     *
     * @param modelTurn  every part of every chunk, unchanged, as the model turn to send back
     * @param calls      its function calls, in order
     * @param callNanos  when each call's chunk reached this thread ({@link System#nanoTime()})
     * @param text       its text
     * @param chunks     how many chunks it came in
     */
    record Streamed(Content modelTurn, List<FunctionCall> calls, List<Long> callNanos, String text, int chunks) {
    }

    private AgentTurns() {
    }

    static Streamed stream(Client client, List<Content> history) {
        List<Part> parts = new ArrayList<>();
        List<FunctionCall> calls = new ArrayList<>();
        List<Long> callNanos = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int chunks = 0;
        try (ResponseStream<GenerateContentResponse> stream = client.models.generateContentStream(MODEL, history, RESEARCH)) {
            for (GenerateContentResponse chunk : stream) {
                long now = System.nanoTime();
                chunks++;
                for (Part part : chunk.parts()) {
                    parts.add(part);
                    part.functionCall().ifPresent(call -> {
                        calls.add(call);
                        callNanos.add(now);
                    });
                    part.text().ifPresent(text::append);
                }
            }
        }
        return new Streamed(Content.builder().role("model").parts(parts).build(), calls, callNanos, text.toString(),
                chunks);
    }

    /** A function response part for {@code call}, with its id or without. */
    static Part response(FunctionCall call, Map<String, Object> result, boolean withId) {
        FunctionResponse.Builder response = FunctionResponse.builder().name(call.name().orElseThrow()).response(result);
        if (withId) {
            response.id(call.id().orElseThrow());
        }
        return Part.builder().functionResponse(response.build()).build();
    }

    /** The user turn answering every call, in order. */
    static Content responses(List<FunctionCall> calls, Function<String, Map<String, Object>> search, boolean withIds) {
        List<Part> parts = new ArrayList<>();
        for (FunctionCall call : calls) {
            parts.add(response(call, search.apply(searchOf(call)), withIds));
        }
        return Content.builder().role("user").parts(parts).build();
    }

    static String searchOf(FunctionCall call) {
        return String.valueOf(call.args().orElseThrow().get("search"));
    }

    static Content question() {
        return Content.builder().role("user").parts(Part.fromText(QUESTION)).build();
    }
}
