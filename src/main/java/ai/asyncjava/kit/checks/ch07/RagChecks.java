package ai.asyncjava.kit.checks.ch07;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch07.RagAnswer;
import ai.asyncjava.kit.exercises.ch07.RagPipeline;
import ai.asyncjava.kit.exercises.ch07.RagPipelineFactory;
import ai.asyncjava.kit.exercises.ch07.SearchServices;
import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import ai.asyncjava.kit.simulators.retrieval.FusedHit;
import ai.asyncjava.kit.simulators.retrieval.Hit;
import ai.asyncjava.kit.simulators.retrieval.ReciprocalRankFusion;
import ai.asyncjava.kit.simulators.retrieval.RetrievalConfig;
import ai.asyncjava.kit.simulators.retrieval.RetrievalSimulator;
import ai.asyncjava.kit.simulators.retrieval.Service;
import com.google.genai.Client;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hidden checks of chapter 07's {@link RagPipeline}: a Gemini simulator that embeds in 100 ms and
 * answers in 200 ms (its script notes each prompt), and the retrieval simulator's vector search
 * (200 ms) and keyword search (300 ms), with a search timeout of 800 ms. The truth is the retrieval simulator's own: what each search
 * returns for the question, fused with reciprocal rank fusion.
 */
@HiddenChecks(secondsPerCheck = 5)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RagChecks {

    static final String QUESTION = "How does the gut microbiome influence anxiety and depression?";
    static final Duration EMBED = Duration.ofMillis(100);
    static final Duration GENERATE = Duration.ofMillis(200);
    static final Duration VECTOR = Duration.ofMillis(200);
    static final Duration KEYWORD = Duration.ofMillis(300);
    /** Room for a busy machine over the slower search's 300 ms; grows with the slowdown factor. */
    static final Duration SEARCH_TIMEOUT = Duration.ofMillis(800);

    private final PromptRecorder prompts = new PromptRecorder();
    private final GeminiSimulator model = CheckSimulators.gemini(GeminiSimulatorConfig.fast().withScript(prompts)
            .withLatencies(GeminiLatencies.none().withGenerate(LatencyModel.fixed(GENERATE))
                    .withEmbed(LatencyModel.fixed(EMBED), Duration.ZERO)));
    private final Client gemini = CheckSimulators.clientWithoutRetries(model);
    private final RetrievalSimulator retrieval = CheckSimulators.retrieval(RetrievalConfig.fast()
            .withLatency(Service.VECTOR, LatencyModel.fixed(VECTOR))
            .withLatency(Service.KEYWORD, LatencyModel.fixed(KEYWORD))
            .withFaults(Service.KEYWORD, FaultSettings.none().withHangFor(Duration.ofSeconds(5))));
    private final HttpClient http = CheckSimulators.outsideTheCheck(HttpClient::newHttpClient);

    /** The index is built on its first use: seconds that are not the learner's search's to pay. */
    RagChecks() {
        CheckSimulators.outsideTheCheck(() -> {
            vectorIds();
            return keywordIds();
        });
    }

    @BeforeEach
    void freshStart() {
        model.reset();
        retrieval.reset();
        prompts.clear();
    }

    @AfterAll
    void closeEverything() {
        for (AutoCloseable closeable : new AutoCloseable[] {http, gemini, model, retrieval}) {
            CheckSimulators.close(closeable);
        }
    }

    @Test
    @Order(1)
    @DisplayName("answers from the five documents that reciprocal rank fusion puts first")
    void answersFromTheFusedDocuments(RagPipelineFactory pipelines) throws Exception {
        RagAnswer answer = requireAnswer(ask(pipelines));
        List<FusedHit> truth = retrieval.fuse(vectorIds(), keywordIds());
        requireSources(answer, truth, "both searches' rankings fused");
        String prompt = prompts.last();
        for (String id : answer.sources()) {
            if (!prompt.contains("[" + id + "]")) {
                fail("The prompt the model was sent does not name document " + id + " as [" + id + "]. Put each "
                        + "document in the prompt as [id] text, so the model can cite it. The prompt began: "
                        + Wording.quoted(Wording.shortened(prompt, 160)));
            }
        }
        if (!GeminiAnswers.answerTo(prompt).equals(answer.answer())) {
            fail("ask(...) returned the answer " + Wording.quoted(Wording.shortened(String.valueOf(answer.answer()), 160))
                    + ", not the model's answer to the prompt it was sent; return response.text() as it is.");
        }
    }

    @Test
    @Order(2)
    @DisplayName("runs the two searches at the same time: about embed + the slower search + generate")
    void searchesAtOnce(RagPipelineFactory pipelines) throws Exception {
        long started = System.nanoTime();
        requireAnswer(ask(pipelines));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<LoggedRequest> vector = retrieval.requests(Service.VECTOR);
        List<LoggedRequest> keyword = retrieval.requests(Service.KEYWORD);
        if (vector.size() != 1 || keyword.size() != 1) {
            fail("The request made " + Wording.count(vector.size(), "vector search") + " and "
                    + Wording.count(keyword.size(), "keyword search") + "; it makes one of each.");
        }
        LoggedRequest v = vector.getFirst();
        LoggedRequest k = keyword.getFirst();
        boolean overlap = v.arrivalMs() < k.endMs() && k.arrivalMs() < v.endMs();
        if (!overlap) {
            LoggedRequest first = v.arrivalMs() < k.arrivalMs() ? v : k;
            LoggedRequest second = first == v ? k : v;
            fail(String.format(java.util.Locale.ROOT, "The %s search started %.0f ms after the %s search had ended: "
                    + "one after the other. Neither needs the other's results: submit both to a virtual-thread "
                    + "executor, then wait for both.", name(second), second.arrivalMs() - first.endMs(), name(first)));
        }
        Duration bound = EMBED.plus(KEYWORD).plus(GENERATE);
        Duration allowed = bound.plus(Tolerances.Ch07.RAG_OVER_BOUND.get());
        if (took.compareTo(allowed) > 0) {
            fail("ask(...) took " + Wording.duration(took) + "; embedding (" + Wording.duration(EMBED) + "), the slower "
                    + "search (" + Wording.duration(KEYWORD) + ") and the answer (" + Wording.duration(GENERATE)
                    + ") make " + Wording.duration(bound) + ". Where did the rest go?");
        }
    }

    @Test
    @Order(3)
    @DisplayName("answers from the keyword search alone when the vector search fails")
    void oneSearchFails(RagPipelineFactory pipelines) throws Exception {
        retrieval.failAlways(Service.VECTOR, Fault.INTERNAL_ERROR);
        BoundedRun.Outcome<RagAnswer> run = ask(pipelines);
        if (run.failure() != null) {
            fail("With the vector search answering 500, ask(...) threw " + Wording.exception(run.failure())
                    + ". A failed search counts as no results: fuse what the other one found.");
        }
        requireSources(requireAnswer(run), retrieval.fuse(List.of(), keywordIds()), "the keyword search's ranking");
    }

    @Test
    @Order(4)
    @DisplayName("gives up on a search that hangs at the search timeout, and answers from the other")
    void lateSearchIsCut(RagPipelineFactory pipelines) throws Exception {
        retrieval.failAlways(Service.KEYWORD, Fault.HANG);
        long started = System.nanoTime();
        BoundedRun.Outcome<RagAnswer> run = ask(pipelines);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (run.failure() != null) {
            fail("With the keyword search hanging, ask(...) threw " + Wording.exception(run.failure()) + ". A search "
                    + "that runs out of time counts as no results.");
        }
        Duration bound = EMBED.plus(Tolerances.scaled(SEARCH_TIMEOUT)).plus(GENERATE);
        Duration allowed = bound.plus(Tolerances.Ch07.RAG_OVER_BOUND.get());
        if (took.compareTo(allowed) > 0) {
            fail("With the keyword search hanging and a search timeout of " + Wording.duration(Tolerances.scaled(SEARCH_TIMEOUT))
                    + ", ask(...) took " + Wording.duration(took) + " (embedding, the timeout and the answer make "
                    + Wording.duration(bound) + "). Give each search request the timeout: "
                    + "HttpRequest.newBuilder(uri).timeout(searchTimeout).");
        }
        requireSources(requireAnswer(run), retrieval.fuse(vectorIds(), List.of()), "the vector search's ranking");
    }

    @Test
    @Order(5)
    @DisplayName("throws an IOException, and asks the model nothing, when both searches fail")
    void bothSearchesFail(RagPipelineFactory pipelines) throws Exception {
        retrieval.failAlways(Service.VECTOR, Fault.INTERNAL_ERROR);
        retrieval.failAlways(Service.KEYWORD, Fault.UNAVAILABLE);
        BoundedRun.Outcome<RagAnswer> run = ask(pipelines);
        if (!prompts.all().isEmpty()) {
            fail("Both searches failed, and the model was still asked: " + Wording.quoted(Wording.shortened(prompts.last(), 160))
                    + ". With no documents there is no RAG answer: throw an IOException instead.");
        }
        if (!(run.failure() instanceof IOException)) {
            fail("Both searches failed, and ask(...) " + (run.failure() == null ? "returned " + run.result()
                    : "threw " + Wording.exception(run.failure())) + "; it should throw an IOException that says so.");
        }
    }

    private BoundedRun.Outcome<RagAnswer> ask(RagPipelineFactory pipelines) throws InterruptedException {
        SearchServices searches = new SearchServices(URI.create(retrieval.vectorUrl()), URI.create(retrieval.keywordUrl()));
        RagPipeline pipeline = pipelines.create(gemini, http, searches, Tolerances.scaled(SEARCH_TIMEOUT));
        if (pipeline == null) {
            fail("The factory made null instead of a pipeline.");
        }
        return BoundedRun.call("ask(...)", Duration.ofSeconds(3), () -> pipeline.ask(QUESTION)).requireReturned();
    }

    private static RagAnswer requireAnswer(BoundedRun.Outcome<RagAnswer> run) throws Exception {
        RagAnswer answer = run.resultOrRethrow();
        if (answer == null || answer.sources() == null) {
            fail("ask(...) returned " + answer + "; return a RagAnswer with the model's answer and the sources' ids.");
        }
        return answer;
    }

    private static void requireSources(RagAnswer answer, List<FusedHit> truth, String what) {
        List<FusedHit> top = truth.stream().limit(RagPipeline.CONTEXT_DOCUMENTS).toList();
        if (answer.sources().size() != top.size()
                || !ReciprocalRankFusion.matchesUpToTies(answer.sources(), truth)) {
            fail("The sources were " + answer.sources() + "; " + what + " with reciprocal rank fusion (1 / (60 + rank) "
                    + "from each list, ranks from 1) puts " + ReciprocalRankFusion.ids(top) + " first. Fuse the two "
                    + "rankings by rank, not by score, and keep the first " + RagPipeline.CONTEXT_DOCUMENTS + ".");
        }
    }

    private List<String> vectorIds() {
        return Hit.ids(retrieval.vectorTop(retrieval.embeddingOf(QUESTION), RagPipeline.TOP_K));
    }

    private List<String> keywordIds() {
        return Hit.ids(retrieval.keywordTop(QUESTION, RagPipeline.TOP_K));
    }

    private static String name(LoggedRequest request) {
        return request.method().toLowerCase(java.util.Locale.ROOT);
    }

}
