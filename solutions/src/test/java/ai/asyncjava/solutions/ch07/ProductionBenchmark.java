package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.SearchServices;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import ai.asyncjava.kit.simulators.retrieval.RetrievalConfig;
import ai.asyncjava.kit.simulators.retrieval.RetrievalSimulator;
import com.google.genai.Client;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The chapter's measurements, for the closing note and the notebook's prose (opt-in:
 * {@code -Dcourse.production.benchmark=true}): hedging's p50 and p99 under a log-normal latency,
 * time to first token against the whole stream, and the RAG request against its bound.
 */
@EnabledIfSystemProperty(named = "course.production.benchmark", matches = "true")
class ProductionBenchmark {

    @Test
    void hedgingCutsTheTail() throws Exception {
        for (double sigma : new double[] {0.6, 1.0}) {
            hedging(sigma);
        }
    }

    private void hedging(double sigma) throws Exception {
        Duration median = Duration.ofMillis(300);
        Duration p95 = Duration.ofMillis(Math.round(median.toMillis() * Math.exp(1.645 * sigma)));
        try (GeminiSimulator sim = GeminiSimulator.start(GeminiSimulatorConfig.fast().withWatchForDisconnects(true)
                .withLatencies(GeminiLatencies.none().withGenerate(LatencyModel.logNormal(median, sigma))));
             Client client = sim.clientWithoutRetries()) {
            HedgingCall hedged = new HedgingCall(client, p95);
            int calls = 1000;
            List<Double> plain = timed(calls, i -> () -> client.models.generateContent(Gemini.MODEL, "What is two times " + i + "?", null).text());
            int plainRequests = sim.log().requests().size();
            sim.reset();
            List<Double> withHedge = timed(calls, i -> () -> hedged.ask("What is two times " + (1000 + i) + "?"));
            int hedgedRequests = sim.log().requests().size();
            System.out.printf(Locale.ROOT, "hedging (log-normal median %d ms, sigma %.1f, hedge after p95 = %d ms, %d calls, 50 at a time):%n"
                            + "  plain:  p50 %.0f ms, p99 %.0f ms, %d requests%n  hedged: p50 %.0f ms, p99 %.0f ms, %d requests (+%.1f %%)%n",
                    median.toMillis(), sigma, p95.toMillis(), calls, pct(plain, 50), pct(plain, 99), plainRequests,
                    pct(withHedge, 50), pct(withHedge, 99), hedgedRequests, 100.0 * (hedgedRequests - calls) / calls);
        }
    }

    @Test
    void firstTokenComesLongBeforeTheLast() throws Exception {
        try (GeminiSimulator sim = GeminiSimulator.start(GeminiSimulatorConfig.realistic().withQuota(
                ai.asyncjava.kit.simulators.gemini.GeminiQuota.unlimited()));
             Client client = sim.clientWithoutRetries()) {
            StreamingRelay relay = new StreamingRelay(client);
            List<Double> first = new ArrayList<>();
            List<Double> total = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                long[] firstAt = {0};
                relay.relay("Tell me about the gut microbiome, part " + i, text -> {
                    if (firstAt[0] == 0) {
                        firstAt[0] = System.nanoTime();
                    }
                    return true;
                });
                first.add((firstAt[0] - start) / 1e6);
                total.add((System.nanoTime() - start) / 1e6);
            }
            System.out.printf(Locale.ROOT, "streaming (realistic simulator, 20 answers): time to first token p50 %.0f ms, whole answer p50 %.0f ms%n",
                    pct(first, 50), pct(total, 50));
        }
    }

    @Test
    void ragTakesTheSlowerSearchNotBoth() throws Exception {
        try (GeminiSimulator sim = GeminiSimulator.start(GeminiSimulatorConfig.realistic().withQuota(
                ai.asyncjava.kit.simulators.gemini.GeminiQuota.unlimited()));
             Client client = sim.clientWithoutRetries();
             RetrievalSimulator retrieval = RetrievalSimulator.start(RetrievalConfig.realistic());
             HttpClient http = HttpClient.newHttpClient()) {
            ParallelRag rag = new ParallelRag(client, http, new SearchServices(URI.create(retrieval.vectorUrl()),
                    URI.create(retrieval.keywordUrl())), Duration.ofSeconds(2));
            rag.ask("warm-up question about sleep and memory");
            List<Double> took = new ArrayList<>();
            List<Double> bound = new ArrayList<>();
            List<Double> sum = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sim.reset();
                retrieval.reset();
                long start = System.nanoTime();
                rag.ask("How does the gut microbiome influence mood, question " + i + "?");
                took.add((System.nanoTime() - start) / 1e6);
                var model = sim.log().requests();
                var searches = retrieval.log().requests();
                double embed = model.get(0).durationMs();
                double generate = model.get(1).durationMs();
                double slower = searches.stream().mapToDouble(r -> r.durationMs()).max().orElse(0);
                double both = searches.stream().mapToDouble(r -> r.durationMs()).sum();
                bound.add(embed + slower + generate);
                sum.add(embed + both + generate);
            }
            System.out.printf(Locale.ROOT, "RAG (realistic simulators, 20 questions): took p50 %.0f ms; bound embed + slower search + generate p50 %.0f ms; "
                    + "one search after the other would be p50 %.0f ms%n", pct(took, 50), pct(bound, 50), pct(sum, 50));
        }
    }

    private interface Indexed {
        Callable<String> call(int i);
    }

    private static List<Double> timed(int calls, Indexed work) throws Exception {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService users = Executors.newFixedThreadPool(50, Thread.ofVirtual().factory())) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                Callable<String> call = work.call(i);
                done.add(users.submit(() -> {
                    long start = System.nanoTime();
                    call.call();
                    millis.add((System.nanoTime() - start) / 1e6);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        return millis;
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
