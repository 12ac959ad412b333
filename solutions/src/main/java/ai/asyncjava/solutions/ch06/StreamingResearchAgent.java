package ai.asyncjava.solutions.ch06;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch06.ResearchAgent;
import ai.asyncjava.kit.exercises.ch06.WorksSearch;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionResponse;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import com.google.genai.types.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Streams each reply, starts every search the moment its call shows up, and sends the results back
 * once the round's stream has ended, round after round, until the model answers in plain text.
 */
public class StreamingResearchAgent implements ResearchAgent {

    static final String SYSTEM_INSTRUCTION = """
            You are a research assistant with one tool, search_openalex, over a database of academic works.
            Search broadly first, several searches at once; read the abstracts; search again with what you
            learned; only then answer, in one or two paragraphs that start with "Final answer:" and cite
            works as [Author et al., Year](https://openalex.org/W...), only works the searches returned.""";

    /** A search under way: the call the model made, and the search running for it. */
    private record Pending(FunctionCall call, Future<Map<String, Object>> result, long deadlineNanos) {}

    private final Client client;
    private final WorksSearch search;
    private final int maxRounds;
    private final Duration searchTimeout;
    private final GenerateContentConfig config = GenerateContentConfig.builder()
            .tools(Tool.builder().functionDeclarations(SearchDeclaration.declaration()))
            .systemInstruction(Content.fromParts(Part.fromText(SYSTEM_INSTRUCTION)))
            .build();

    public StreamingResearchAgent(Client client, WorksSearch search, int maxRounds, Duration searchTimeout) {
        this.client = client;
        this.search = search;
        this.maxRounds = maxRounds;
        this.searchTimeout = searchTimeout;
    }

    @Override
    public String answer(String question) throws InterruptedException {
        List<Content> history = new ArrayList<>();
        history.add(Content.builder().role("user").parts(Part.fromText(question)).build());
        try (ExecutorService searches = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 1; round <= maxRounds; round++) {
                List<Part> modelParts = new ArrayList<>();
                List<Pending> pending = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                try (ResponseStream<GenerateContentResponse> stream =
                             client.models.generateContentStream(Gemini.MODEL, history, config)) {
                    for (GenerateContentResponse chunk : stream) {
                        for (Part part : partsOf(chunk)) {
                            modelParts.add(part); // kept exactly as received: it may carry a thought signature
                            part.text().ifPresent(text::append);
                            // Start the search now, while the rest of the reply still streams in.
                            part.functionCall().ifPresent(call -> pending.add(new Pending(call,
                                    searches.submit(() -> search.search(queryOf(call))),
                                    System.nanoTime() + searchTimeout.toNanos())));
                        }
                    }
                }
                history.add(Content.builder().role("model").parts(modelParts).build());
                if (pending.isEmpty()) {
                    return text.toString();
                }
                List<Part> responses = new ArrayList<>();
                for (Pending call : pending) {
                    responses.add(responseTo(call));
                }
                history.add(Content.builder().role("user").parts(responses).build());
            }
        }
        throw new IllegalStateException("no final answer after " + maxRounds + " rounds");
    }

    /** The search's result, or an error the model can read; a search past its deadline is cancelled. */
    private static Part responseTo(Pending pending) throws InterruptedException {
        Map<String, Object> result;
        try {
            long left = pending.deadlineNanos() - System.nanoTime();
            result = pending.result().get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.result().cancel(true); // interrupts the search's thread: its request is abandoned
            result = Map.of("error", "the search took too long and was cancelled");
        } catch (ExecutionException e) {
            result = Map.of("error", "the search failed: " + e.getCause().getMessage());
        }
        FunctionCall call = pending.call();
        FunctionResponse.Builder response = FunctionResponse.builder()
                .name(call.name().orElse(SearchDeclaration.NAME))
                .response(result);
        call.id().ifPresent(response::id); // pairs the response with its call
        return Part.builder().functionResponse(response.build()).build();
    }

    private static String queryOf(FunctionCall call) {
        Object query = call.args().orElse(Map.of()).get("search");
        return query == null ? "" : query.toString();
    }

    private static List<Part> partsOf(GenerateContentResponse chunk) {
        return chunk.candidates().flatMap(candidates -> candidates.stream().findFirst())
                .flatMap(Candidate::content)
                .flatMap(Content::parts)
                .orElse(List.of());
    }
}
