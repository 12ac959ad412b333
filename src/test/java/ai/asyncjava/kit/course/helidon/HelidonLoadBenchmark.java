package ai.asyncjava.kit.course.helidon;

import ai.asyncjava.kit.course.helidon.AskService.ModelThreads;
import ai.asyncjava.kit.course.helidon.AskService.Options;
import ai.asyncjava.kit.checks.ch07.SseReader;
import ai.asyncjava.kit.checks.ch07.SseReader.Received;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import com.google.genai.Client;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not part of the build: 200 users at once, one streamed question each, against the
 * service with its model work on virtual threads, on a pool of 20 platform threads, and on virtual
 * threads under Helidon's own limit of 20 requests at a time. The model streams its first chunk after
 * a log-normal ~400 ms, then a chunk every 20-60 ms.
 *
 * <pre>
 * mvn -B -o -pl src test -Dtest=HelidonLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcourse.helidon.benchmark=true
 * </pre>
 * {@code -Dcourse.helidon.rounds=3} has each user ask three questions in turn (closer to a steady state than
 * one burst), {@code -Dcourse.helidon.clients=8} spreads the users over 8 HttpClients, and
 * {@code -Dcourse.helidon.users=N} changes the 200. Takes about 30 s (1 round) or 60 s (3 rounds).
 */
@EnabledIfSystemProperty(named = "course.helidon.benchmark", matches = "true")
class HelidonLoadBenchmark {

    static final int USERS = Integer.getInteger("course.helidon.users", 200);
    static final int POOL = 20;
    /** Questions each user asks, one after the other: 1 is a burst; more approaches a steady state. */
    static final int ROUNDS = Integer.getInteger("course.helidon.rounds", 1);

    /** One user's request, as the load driver timed it ({@link System#nanoTime()}). */
    record Sample(String question, long sent, long headers, long firstEvent, long firstToken, long ended,
                  boolean answered) {
    }

    @Test
    void virtualThreadsAgainstAPoolOfPlatformThreads() throws Exception {
        GeminiLatencies latencies = GeminiLatencies.none().withStreaming(
                LatencyModel.logNormal(Duration.ofMillis(400), 0.3),
                LatencyModel.uniform(Duration.ofMillis(20), Duration.ofMillis(60)));
        Map<String, Options> variants = new LinkedHashMap<>();
        Options base = Options.defaults().withLogTime(Duration.ofMillis(50));
        variants.put("virtual threads", base);
        variants.put("pool of " + POOL + " platform threads", base.withThreads(ModelThreads.PLATFORM_POOL, POOL));
        variants.put("virtual, Helidon limit " + POOL, base.withRequestLimit(POOL));

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%n%d users at once, %d question(s) each in turn, %d HttpClient(s); model: first chunk log-normal ~400 ms (sigma 0.3), then 20-60 ms"
                        + " per chunk%n%-30s %8s %8s %8s %8s %8s %8s %8s %9s %9s%n", USERS, ROUNDS,
                Integer.getInteger("course.helidon.clients", 1), "", "req/s", "p50 ms", "p99 ms",
                "ttfe p50", "ttfe p99", "ttft p50", "ttft p99", "model ms", "bound/s"));
        try (GeminiSimulator sim = GeminiSimulator.start(GeminiSimulatorConfig.fast().withLatencies(latencies));
             Client model = sim.clientWithoutRetries();
             Clients http = new Clients(Integer.getInteger("course.helidon.clients", 1))) {
            for (Map.Entry<String, Options> variant : variants.entrySet()) {
                try (AskService service = AskService.start(model, variant.getValue())) {
                    load(http, service, USERS, 1, "warm-up"); // the same load once first: JIT, connections, pools
                    sim.reset();
                    long start = System.nanoTime();
                    List<Sample> samples = load(http, service, USERS, ROUNDS, "measured");
                    long wall = samples.stream().mapToLong(Sample::ended).max().orElseThrow() - start;
                    long answered = samples.stream().filter(Sample::answered).count();
                    double modelMs = sim.log().requests().stream().mapToDouble(LoggedRequest::durationMs).average().orElseThrow();
                    // The service cannot beat its model: with every user served at once, users ÷ latency.
                    int inParallel = variant.getValue().threads() == ModelThreads.PLATFORM_POOL
                            || variant.getValue().requestLimit() > 0 ? POOL : USERS;
                    report.append(String.format(Locale.ROOT, "%-30s %8.1f %8d %8d %8d %8d %8d %8d %9.0f %9.1f%s%n",
                            variant.getKey(), answered / (wall / 1e9),
                            pct(samples, 50, s -> s.ended() - s.sent()), pct(samples, 99, s -> s.ended() - s.sent()),
                            pct(samples, 50, s -> s.firstEvent() - s.sent()), pct(samples, 99, s -> s.firstEvent() - s.sent()),
                            pct(samples, 50, s -> s.firstToken() - s.sent()), pct(samples, 99, s -> s.firstToken() - s.sent()),
                            modelMs, USERS / (modelMs / 1000),
                            inParallel < USERS ? String.format(Locale.ROOT, " (%d at a time: %.1f/s)", inParallel,
                                    inParallel / (modelMs / 1000)) : ""));
                    if (answered < samples.size()) {
                        report.append("  only ").append(answered).append(" of ").append(samples.size()).append(" answered\n");
                    }
                    Map<String, Long> handlerStarts = new java.util.HashMap<>();
                    service.traces().forEach(t -> handlerStarts.put(t.question(), t.arrivedNanos()));
                    ToLongFunction<Sample> toHandler = s -> handlerStarts.getOrDefault(s.question(), s.ended()) - s.sent();
                    report.append(String.format(Locale.ROOT, "  peak model calls in flight: %d; wall %d ms; send to handler"
                                    + " p50/p99 %d/%d ms, send to headers p50/p99 %d/%d ms%n",
                            sim.log().peakInFlight(), wall / 1_000_000, pct(samples, 50, toHandler), pct(samples, 99, toHandler),
                            pct(samples, 50, s -> s.headers() - s.sent()), pct(samples, 99, s -> s.headers() - s.sent())));
                }
            }
        }
        System.out.println(report);
    }

    // Each user on a virtual thread, all released at once, asking its questions one after the other.
    private static List<Sample> load(Clients http, AskService service, int users, int rounds, String label) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Sample>>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < users; i++) {
                String user = "Explain back-pressure, " + label + " user " + i;
                HttpClient client = http.forUser(i);
                running.add(pool.submit(() -> {
                    go.await();
                    List<Sample> mine = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        mine.add(oneUser(client, service, user + " round " + round));
                    }
                    return mine;
                }));
            }
            go.countDown();
        }
        List<Sample> samples = new ArrayList<>();
        for (Future<List<Sample>> user : running) {
            samples.addAll(user.get());
        }
        return samples;
    }

    private static Sample oneUser(HttpClient http, AskService service, String question) throws Exception {
        try (SseReader reader = SseReader.open(http, HelidonServiceTest.ask(service, question))) {
            List<Received> events = reader.readAll();
            long firstToken = events.stream().filter(e -> e.name().equals("token")).mapToLong(Received::arrivedNanos)
                    .findFirst().orElse(reader.endedNanos());
            return new Sample(question, reader.sentNanos(), reader.headersNanos(), events.isEmpty() ? reader.endedNanos() : events.getFirst().arrivedNanos(),
                    firstToken, reader.endedNanos(), !events.isEmpty() && events.getLast().name().equals("done"));
        }
    }

    /** The load driver's HTTP clients: one, as the notebook's driver has, or several to see what one costs. */
    private record Clients(List<HttpClient> all) implements AutoCloseable {
        Clients(int count) {
            this(java.util.stream.Stream.generate(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
                    .limit(count).toList());
        }

        HttpClient forUser(int user) {
            return all.get(user % all.size());
        }

        @Override
        public void close() {
            all.forEach(HttpClient::close);
        }
    }

    private static long pct(List<Sample> samples, int percentile, ToLongFunction<Sample> nanos) {
        long[] sorted = samples.stream().mapToLong(nanos).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000;
    }
}
