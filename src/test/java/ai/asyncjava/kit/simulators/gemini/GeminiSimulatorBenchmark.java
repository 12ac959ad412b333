package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import com.google.genai.Client;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the simulator's overhead; a program, not a test (timings belong to no unit test).
 * Run it from the repository after a build:
 * <pre>
 * mvn -q -pl src -am test-compile
 * java -cp "src/target/test-classes:src/target/classes:src/target/kit/lib/*" \
 *      ai.asyncjava.kit.simulators.gemini.GeminiSimulatorBenchmark
 * </pre>
 * (after {@code mvn package}, which fills src/target/kit/lib). Clients are virtual threads
 * sending over one {@code java.net.http} client, which opens a connection per concurrent request;
 * the SDK is measured too, one sync client shared by all threads (its sync path has no per-host cap).
 */
public final class GeminiSimulatorBenchmark {

    private static final String BODY = RawHttp.prompt("What is two times 12?");

    private GeminiSimulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "JDK %s, %d processors%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        if (args.length == 0 || !args[0].equals("latency-only")) {
            zeroLatency(200, Duration.ofSeconds(3), Duration.ofSeconds(8));
            zeroLatencyThroughTheSdk(200, Duration.ofSeconds(3), Duration.ofSeconds(8));
        }
        fixedLatency(Duration.ofMillis(500), 500, Duration.ofSeconds(3), Duration.ofSeconds(10));
        System.exit(0);
    }

    /** 0 ms configured latency: every millisecond a client waits is the simulator's (and the HTTP stack's). */
    static void zeroLatency(int clients, Duration warmUp, Duration measure) throws Exception {
        try (GeminiSimulator sim = GeminiSimulator.start(GeminiSimulatorConfig.fast())) {
            Result result = drive(sim, clients, warmUp, measure);
            System.out.printf(Locale.ROOT, "0 ms latency, %d virtual-thread clients (java.net.http): %,.0f requests/s;"
                    + " round trip p50 %.2f ms, p99 %.2f ms; inside the server p50 %.3f ms, p99 %.3f ms%n",
                    clients, result.perSecond(), result.p(50), result.p(99), result.serverP(sim, 50), result.serverP(sim, 99));
        }
    }

    static void zeroLatencyThroughTheSdk(int clients, Duration warmUp, Duration measure) throws Exception {
        try (GeminiSimulator sim = GeminiSimulator.start(GeminiSimulatorConfig.fast());
             Client client = sim.clientWithoutRetries()) {
            Result result = run(clients, warmUp, measure, () -> client.models.generateContent(
                    "gemini-2.5-flash", "What is two times 12?", null), sim);
            System.out.printf(Locale.ROOT, "0 ms latency, %d virtual-thread clients (google-genai sync client): %,.0f requests/s;"
                    + " round trip p50 %.2f ms, p99 %.2f ms%n", clients, result.perSecond(), result.p(50), result.p(99));
        }
    }

    /** A fixed latency with many requests in flight: how far above it do responses come back? */
    static void fixedLatency(Duration latency, int inFlight, Duration warmUp, Duration measure) throws Exception {
        GeminiSimulatorConfig config = GeminiSimulatorConfig.fast()
                .withLatencies(GeminiLatencies.none().withGenerate(LatencyModel.fixed(latency)));
        try (GeminiSimulator sim = GeminiSimulator.start(config)) {
            Result result = drive(sim, inFlight, warmUp, measure);
            System.out.printf(Locale.ROOT, "%d ms latency, %d requests in flight (java.net.http): %,.0f requests/s;"
                    + " response time p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 <= %d ms);"
                    + " inside the server p50 %.1f ms, p99 %.1f ms; peak in flight %d%n",
                    latency.toMillis(), inFlight, result.perSecond(), result.p(50), result.p(99), result.p(100),
                    latency.toMillis() + 20, result.serverP(sim, 50), result.serverP(sim, 99), sim.log().peakInFlight());
        }
    }

    private static Result drive(GeminiSimulator sim, int clients, Duration warmUp, Duration measure) throws Exception {
        try (ExecutorService httpThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpClient http = HttpClient.newBuilder().executor(httpThreads).version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1beta/models/gemini-2.5-flash:generateContent"))
                    .header("x-goog-api-key", sim.apiKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            return run(clients, warmUp, measure, () -> {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("status " + response.statusCode());
                }
                return response;
            }, sim);
        }
    }

    /** Runs {@code clients} loops of {@code call}; records the round trips that start after the warm-up. */
    private static Result run(int clients, Duration warmUp, Duration measure, java.util.concurrent.Callable<?> call,
                              GeminiSimulator sim) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Future<List<Double>>> loops = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                loops.add(threads.submit(() -> {
                    List<Double> millis = new ArrayList<>();
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        long sent = System.nanoTime();
                        call.call();
                        if (sent >= measureFrom) {
                            millis.add((System.nanoTime() - sent) / 1e6);
                        }
                        if (sent < measureFrom && System.nanoTime() >= measureFrom) {
                            sim.log().clear(); // server-side figures cover the measured stretch only
                        }
                    }
                    return millis;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> loop : loops) {
                all.addAll(loop.get());
            }
            double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Result(sorted, measure);
        }
    }

    private record Result(double[] sortedMillis, Duration measured) {
        double perSecond() {
            return sortedMillis.length / (measured.toNanos() / 1e9);
        }

        double p(int percentile) {
            return percentile(sortedMillis, percentile);
        }

        double serverP(GeminiSimulator sim, int percentile) {
            double[] server = sim.log().requests().stream().filter(r -> !r.inFlight())
                    .mapToDouble(LoggedRequest::durationMs).toArray();
            Arrays.sort(server);
            return percentile(server, percentile);
        }

        private static double percentile(double[] sorted, int percentile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }
}
