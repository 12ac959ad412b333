package ai.asyncjava.solutions.ch06.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch06.ResearchAgent;
import ai.asyncjava.kit.exercises.ch06.WorksSearch;
import ai.asyncjava.solutions.ch06.SearchDeclaration;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mutants of the research agent: the reference design (stream, start searches as calls appear,
 * answer every call, loop) with one learner's mistake switched on. Each {@link Flaw} is one mutant.
 */
public class FlawedAgent implements ResearchAgent {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** Collects the calls and starts the searches only once the stream has ended. */
        SEARCHES_AFTER_STREAM,
        /** Runs the round's searches one after another, once the stream has ended. */
        ONE_SEARCH_AT_A_TIME,
        /** Rebuilds the model's turn from its text and Part.fromFunctionCall: the signatures and ids are lost. */
        REBUILDS_PARTS,
        /** Sends the function responses without the calls' ids. */
        NO_IDS,
        /** Leaves out the response of a search that failed. */
        DROPS_FAILED_RESPONSES,
        /** Returns the first reply's text, calls or not. */
        ONE_ROUND,
        /** Loops for as long as the model calls tools. */
        NO_MAX_ROUNDS,
        /** Lets a failed search's exception out of answer(). */
        CRASHES_ON_FAILED_SEARCH,
        /** Waits for each search as long as it takes. */
        NO_TIMEOUT,
        /** Returns the text of the final reply's last chunk only. */
        LAST_CHUNK_ONLY,
        /** Sends the results in the order the searches finished, under the ids of the calls in stream order. */
        PAIRS_IN_FINISHING_ORDER,
    }

    private record Pending(FunctionCall call, Future<Map<String, Object>> result, long deadlineNanos,
                           AtomicLong finishedNanos) {}

    private final Client client;
    private final WorksSearch search;
    private final int maxRounds;
    private final Duration searchTimeout;
    private final Flaw flaw;
    private final GenerateContentConfig config = GenerateContentConfig.builder()
            .tools(Tool.builder().functionDeclarations(SearchDeclaration.declaration()))
            .build();

    public FlawedAgent(Client client, WorksSearch search, int maxRounds, Duration searchTimeout, Flaw flaw) {
        this.client = client;
        this.search = search;
        this.maxRounds = maxRounds;
        this.searchTimeout = searchTimeout;
        this.flaw = flaw;
    }

    @Override
    public String answer(String question) throws InterruptedException {
        List<Content> history = new ArrayList<>();
        history.add(Content.builder().role("user").parts(Part.fromText(question)).build());
        try (ExecutorService searches = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 1; flaw == Flaw.NO_MAX_ROUNDS || round <= maxRounds; round++) {
                List<Part> modelParts = new ArrayList<>();
                List<FunctionCall> calls = new ArrayList<>();
                List<Pending> pending = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                String lastChunk = "";
                try (ResponseStream<GenerateContentResponse> stream =
                             client.models.generateContentStream(Gemini.MODEL, history, config)) {
                    for (GenerateContentResponse chunk : stream) {
                        for (Part part : partsOf(chunk)) {
                            modelParts.add(part);
                            if (part.text().isPresent()) {
                                text.append(part.text().get());
                                lastChunk = part.text().get();
                            }
                            part.functionCall().ifPresent(call -> {
                                calls.add(call);
                                if (flaw != Flaw.SEARCHES_AFTER_STREAM && flaw != Flaw.ONE_SEARCH_AT_A_TIME) {
                                    pending.add(start(searches, call));
                                }
                            });
                        }
                    }
                }
                if (flaw == Flaw.SEARCHES_AFTER_STREAM) {
                    calls.forEach(call -> pending.add(start(searches, call)));
                }
                if (flaw == Flaw.ONE_SEARCH_AT_A_TIME) {
                    for (FunctionCall call : calls) {
                        Pending one = start(searches, call);
                        try {
                            one.result().get(searchTimeout.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (TimeoutException e) {
                            one.result().cancel(true); // answered below
                        } catch (ExecutionException ignored) {
                            // answered below
                        }
                        pending.add(one);
                    }
                }
                history.add(flaw == Flaw.REBUILDS_PARTS ? rebuilt(text.toString(), calls)
                        : Content.builder().role("model").parts(modelParts).build());
                if (pending.isEmpty() || flaw == Flaw.ONE_ROUND) {
                    return flaw == Flaw.LAST_CHUNK_ONLY ? lastChunk : text.toString();
                }
                List<Part> responses = new ArrayList<>();
                if (flaw == Flaw.PAIRS_IN_FINISHING_ORDER) {
                    responses.addAll(pairedInFinishingOrder(pending));
                    pending.clear();
                }
                for (Pending call : pending) {
                    Part response = responseTo(call);
                    if (response != null) {
                        responses.add(response);
                    }
                }
                history.add(Content.builder().role("user").parts(responses).build());
            }
        }
        throw new IllegalStateException("no final answer after " + maxRounds + " rounds");
    }

    private Pending start(ExecutorService searches, FunctionCall call) {
        Object query = call.args().orElse(Map.of()).get("search");
        AtomicLong finished = new AtomicLong(Long.MAX_VALUE);
        return new Pending(call, searches.submit(() -> {
            try {
                return search.search(String.valueOf(query));
            } finally {
                finished.set(System.nanoTime());
            }
        }), System.nanoTime() + searchTimeout.toNanos(), finished);
    }

    /** Each result as it finished (a cancelled one when it was cancelled), zipped with the calls in stream order. */
    private List<Part> pairedInFinishingOrder(List<Pending> pending) throws InterruptedException {
        record Finished(Map<String, Object> result, long nanos) {}
        List<Finished> finished = new ArrayList<>();
        for (Pending one : pending) {
            Map<String, Object> result;
            try {
                result = one.result().get(Math.max(0, one.deadlineNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                one.result().cancel(true);
                one.finishedNanos().compareAndSet(Long.MAX_VALUE, System.nanoTime());
                result = Map.of("error", "timed out");
            } catch (ExecutionException e) {
                result = Map.of("error", String.valueOf(e.getCause().getMessage()));
            }
            finished.add(new Finished(result, one.finishedNanos().get()));
        }
        finished.sort(java.util.Comparator.comparingLong(Finished::nanos));
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            FunctionCall call = pending.get(i).call();
            FunctionResponse.Builder response = FunctionResponse.builder().name(call.name().orElse(""))
                    .response(finished.get(i).result());
            call.id().ifPresent(response::id);
            parts.add(Part.builder().functionResponse(response.build()).build());
        }
        return parts;
    }

    private Part responseTo(Pending pending) throws InterruptedException {
        Map<String, Object> result;
        try {
            if (flaw == Flaw.NO_TIMEOUT) {
                result = pending.result().get();
            } else {
                long left = pending.deadlineNanos() - System.nanoTime();
                result = pending.result().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            pending.result().cancel(true);
            result = Map.of("error", "timed out");
        } catch (ExecutionException e) {
            if (flaw == Flaw.CRASHES_ON_FAILED_SEARCH) {
                throw new IllegalStateException("search failed", e.getCause());
            }
            if (flaw == Flaw.DROPS_FAILED_RESPONSES) {
                return null;
            }
            result = Map.of("error", String.valueOf(e.getCause().getMessage()));
        }
        FunctionCall call = pending.call();
        FunctionResponse.Builder response = FunctionResponse.builder().name(call.name().orElse("")).response(result);
        if (flaw != Flaw.NO_IDS) {
            call.id().ifPresent(response::id);
        }
        return Part.builder().functionResponse(response.build()).build();
    }

    private static Content rebuilt(String text, List<FunctionCall> calls) {
        List<Part> parts = new ArrayList<>();
        if (!text.isEmpty()) {
            parts.add(Part.fromText(text));
        }
        calls.forEach(call -> parts.add(Part.fromFunctionCall(call.name().orElse(""), call.args().orElse(Map.of()))));
        return Content.builder().role("model").parts(parts).build();
    }

    private static List<Part> partsOf(GenerateContentResponse chunk) {
        return chunk.candidates().flatMap(candidates -> candidates.stream().findFirst())
                .flatMap(Candidate::content).flatMap(Content::parts).orElse(List.of());
    }
}
