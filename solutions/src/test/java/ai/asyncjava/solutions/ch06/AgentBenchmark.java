package ai.asyncjava.solutions.ch06;

import ai.asyncjava.kit.exercises.ch06.ResearchAgent;
import ai.asyncjava.kit.exercises.ch06.TimedSearch;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import ai.asyncjava.kit.simulators.gemini.StreamedChunk;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.works.WorksConfig;
import ai.asyncjava.kit.simulators.works.WorksSimulator;
import ai.asyncjava.solutions.ch06.mutants.FlawedAgent;
import com.google.genai.Client;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not part of the build: one agent run's wall time with searches started as their
 * calls appear, started after the stream ends, and run one at a time, against the bound: per round,
 * the moment the last call reached the agent plus one search.
 *
 * <pre>
 * mvn -B -pl src,solutions -am verify -Dtest=AgentBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcourse.agent.benchmark=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "course.agent.benchmark", matches = "true")
class AgentBenchmark {

    static final Duration SEARCH = Duration.ofMillis(300);

    @Test
    void agentTimes() throws Exception {
        Map<String, BiFunction<Client, TimedSearch, ResearchAgent>> agents = new LinkedHashMap<>();
        agents.put("as they appear (reference)", (client, search) -> new StreamingResearchAgent(client, search, 5, Duration.ofSeconds(5)));
        agents.put("after the stream, at once", (client, search) ->
                new FlawedAgent(client, search, 5, Duration.ofSeconds(5), FlawedAgent.Flaw.SEARCHES_AFTER_STREAM));
        agents.put("after the stream, one at a time", (client, search) ->
                new FlawedAgent(client, search, 5, Duration.ofSeconds(5), FlawedAgent.Flaw.ONE_SEARCH_AT_A_TIME));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nworks search %d ms (fixed), Gemini research preset; median of 5 runs each%n", SEARCH.toMillis()));
        try (GeminiSimulator model = GeminiSimulator.start(GeminiSimulatorConfig.research());
             WorksSimulator works = WorksSimulator.start(WorksConfig.fast().withLatency(LatencyModel.fixed(SEARCH)));
             Client client = model.clientWithoutRetries();
             HttpClient http = HttpClient.newHttpClient()) {
            for (Map.Entry<String, BiFunction<Client, TimedSearch, ResearchAgent>> agent : agents.entrySet()) {
                List<Long> times = new ArrayList<>();
                List<Double> bounds = new ArrayList<>();
                for (int run = 0; run < 6; run++) {
                    model.reset();
                    TimedSearch search = new TimedSearch(new OpenAlexSearch(http, URI.create(works.baseUrl())));
                    long start = System.nanoTime();
                    agent.getValue().apply(client, search).answer("How does the gut microbiome influence mental health?");
                    long took = System.nanoTime() - start;
                    if (run > 0) { // the first run warms up
                        times.add(took / 1_000_000);
                        bounds.add(bound(model));
                    }
                }
                times.sort(null);
                bounds.sort(null);
                out.append(String.format(Locale.ROOT, "  %-34s %5d ms (runs %s); bound %5.0f ms%n", agent.getKey(),
                        times.get(times.size() / 2), times, bounds.get(bounds.size() / 2)));
            }
        }
        System.out.println(out);
    }

    /**
     * The shortest a run can take, the bound: per round, from the request's arrival at the
     * model to the moment its last call reached the agent, plus one search; the final reply counts
     * until its last chunk reached the agent.
     */
    private static double bound(GeminiSimulator model) {
        List<LoggedRequest> requests = model.log().requests();
        long origin = model.log().originNanos();
        Map<String, List<StreamedChunk>> replies = new LinkedHashMap<>();
        model.streamLog().forEach(chunk -> replies.computeIfAbsent(chunk.responseId(), id -> new ArrayList<>()).add(chunk));
        double total = 0;
        int round = 0;
        for (List<StreamedChunk> reply : replies.values()) {
            long arrived = origin + Math.round(requests.get(round++).arrivalMs() * 1e6);
            long lastCall = reply.stream().filter(c -> !c.callIds().isEmpty()).mapToLong(StreamedChunk::readableNanos)
                    .max().orElse(-1);
            long end = lastCall < 0 ? reply.getLast().readableNanos() : lastCall + SEARCH.toNanos();
            total += (end - arrived) / 1e6;
        }
        return total;
    }
}
