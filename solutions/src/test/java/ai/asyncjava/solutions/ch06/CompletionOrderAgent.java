package ai.asyncjava.solutions.ch06;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch06.ResearchAgent;
import ai.asyncjava.kit.exercises.ch06.WorksSearch;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionResponse;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import com.google.genai.types.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A correct agent written another way, which the checks must pass: a {@link CompletionService}
 * hands back each search as it finishes, and the responses go back in that order, each under its
 * own call's id (the API pairs by id, not by position); a search past its deadline is cancelled
 * when its turn comes to be waited for. The model's parts are kept from each chunk's content
 * rather than part by part.
 */
class CompletionOrderAgent implements ResearchAgent {

    private record Started(FunctionCall call, long deadlineNanos) {}

    private final Client client;
    private final WorksSearch search;
    private final int maxRounds;
    private final Duration searchTimeout;

    CompletionOrderAgent(Client client, WorksSearch search, int maxRounds, Duration searchTimeout) {
        this.client = client;
        this.search = search;
        this.maxRounds = maxRounds;
        this.searchTimeout = searchTimeout;
    }

    @Override
    public String answer(String question) throws InterruptedException {
        GenerateContentConfig config = GenerateContentConfig.builder()
                .tools(Tool.builder().functionDeclarations(SearchDeclaration.declaration())).build();
        List<Content> history = new ArrayList<>(List.of(Content.fromParts(Part.fromText(question))));
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int round = 0; round < maxRounds; round++) {
                CompletionService<Map<String, Object>> searches = new ExecutorCompletionService<>(threads);
                Map<Future<Map<String, Object>>, Started> running = new LinkedHashMap<>();
                List<Part> parts = new ArrayList<>();
                try (ResponseStream<GenerateContentResponse> stream =
                             client.models.generateContentStream(Gemini.MODEL, history, config)) {
                    for (GenerateContentResponse chunk : stream) {
                        List<Part> chunkParts = chunk.parts() == null ? List.of() : chunk.parts();
                        parts.addAll(chunkParts);
                        for (Part part : chunkParts) {
                            FunctionCall call = part.functionCall().orElse(null);
                            if (call != null) {
                                String words = String.valueOf(call.args().orElse(Map.of()).get("search"));
                                running.put(searches.submit(() -> search.search(words)),
                                        new Started(call, System.nanoTime() + searchTimeout.toNanos()));
                            }
                        }
                    }
                }
                history.add(Content.builder().role("model").parts(parts).build());
                if (running.isEmpty()) {
                    StringBuilder text = new StringBuilder();
                    parts.forEach(part -> part.text().ifPresent(text::append));
                    return text.toString();
                }
                history.add(Content.builder().role("user").parts(inFinishingOrder(searches, running)).build());
            }
            throw new IllegalStateException("the model gave no final answer in " + maxRounds + " rounds");
        } finally {
            threads.shutdownNow();
            threads.close();
        }
    }

    /** One response per search, in the order they finish; the overdue ones cancelled and answered with an error. */
    private static List<Part> inFinishingOrder(CompletionService<Map<String, Object>> searches,
                                               Map<Future<Map<String, Object>>, Started> running)
            throws InterruptedException {
        List<Part> responses = new ArrayList<>();
        while (!running.isEmpty()) {
            long soonest = running.values().stream().mapToLong(Started::deadlineNanos).min().orElseThrow();
            Future<Map<String, Object>> done = searches.poll(Math.max(0, soonest - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (done == null) {
                long now = System.nanoTime();
                running.entrySet().removeIf(entry -> {
                    if (entry.getValue().deadlineNanos() > now) {
                        return false;
                    }
                    entry.getKey().cancel(true);
                    responses.add(response(entry.getValue().call(), Map.of("error", "timed out")));
                    return true;
                });
                continue;
            }
            Started started = running.remove(done);
            if (started == null) {
                continue; // a search cancelled above that finished as it was cancelled
            }
            Map<String, Object> result;
            try {
                result = done.get();
            } catch (ExecutionException failed) {
                result = Map.of("error", String.valueOf(failed.getCause().getMessage()));
            }
            responses.add(response(started.call(), result));
        }
        return responses;
    }

    private static Part response(FunctionCall call, Map<String, Object> result) {
        FunctionResponse.Builder response = FunctionResponse.builder().name(call.name().orElseThrow()).response(result);
        call.id().ifPresent(response::id);
        return Part.builder().functionResponse(response.build()).build();
    }
}
