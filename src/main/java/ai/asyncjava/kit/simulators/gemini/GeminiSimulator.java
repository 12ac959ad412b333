package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.ClientConnection;
import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.FaultPlan;
import ai.asyncjava.kit.simulators.LoopbackServer;
import ai.asyncjava.kit.simulators.RequestLog;
import ai.asyncjava.kit.simulators.SlidingWindowQuota;
import com.google.genai.Client;
import com.google.genai.types.HttpRetryOptions;
import com.sun.net.httpserver.HttpExchange;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import tech.tablesaw.api.Table;

/**
 * A local stand-in for the Gemini API that the unchanged google-genai SDK talks to: the v1beta
 * REST surface (generate, stream, embed, count tokens, list models, function calling) on
 * 127.0.0.1, with deterministic answers, simulated latency, quotas, faults and a request log.
 * <pre>{@code
 * try (GeminiSimulator sim = GeminiSimulator.start(GeminiSimulatorConfig.freeTier())) {
 *     Client client = sim.clientWithoutRetries();
 *     client.models.generateContent("gemini-2.5-flash", "What is two times 12?", null).text();
 *     sim.log().table();            // one row per request
 * }
 * }</pre>
 * For chapter 06's research agent, {@link GeminiSimulatorConfig#research()} behaves like a thinking
 * model (ids and thought signatures on function calls, checked when they come back) that searches
 * in rounds ({@link ResearchScript}), and {@link #streamLog()} says when each call was streamed.
 * With {@link GeminiSimulatorConfig#withWatchForDisconnects(boolean)}, a client that gives up on a
 * call (a timeout, an interrupted or cancelled call, a stream closed half-way) is seen leaving the
 * moment it closes its connection, and the call's simulated work stops there:
 * {@code sim.log().awaitEnd(id, patience)} then shows its row as {@code abandoned()}.
 */
public final class GeminiSimulator implements AutoCloseable {

    private volatile GeminiSimulatorConfig config;
    private volatile SlidingWindowQuota quota;
    private final FaultPlan faultPlan;
    private final RequestLog log = new RequestLog("model");
    private final StreamLog streamLog = new StreamLog(log);
    private final AnswerLog answerLog = new AnswerLog();
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
    private final LoopbackServer server;

    private GeminiSimulator(GeminiSimulatorConfig config) {
        this.config = config;
        this.quota = quotaFor(config.quota());
        this.faultPlan = new FaultPlan(config.faults());
        this.server = config.watchForDisconnects()
                ? LoopbackServer.startWatching(config.port(), new GeminiHandler(this))
                : LoopbackServer.start(config.port(), new GeminiHandler(this));
    }

    /** Starts a simulator; close it (or use try-with-resources) to free the port. */
    public static GeminiSimulator start(GeminiSimulatorConfig config) {
        return new GeminiSimulator(config);
    }

    /** The base URL to give the SDK: {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return server.baseUri().toString();
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    /** The key clients must send. */
    public String apiKey() {
        return config.apiKey();
    }

    /** The configuration in force. */
    public GeminiSimulatorConfig config() {
        return config;
    }

    /**
     * Changes latency, quota, faults or script while running (the port, key and watching for
     * disconnects stay); a new quota starts with an empty window.
     */
    public void reconfigure(UnaryOperator<GeminiSimulatorConfig> change) {
        GeminiSimulatorConfig next = change.apply(config)
                .withPort(config.port()).withApiKey(config.apiKey())
                .withWatchForDisconnects(config.watchForDisconnects());
        if (!next.quota().equals(config.quota())) {
            quota = quotaFor(next.quota());
        }
        faultPlan.update(next.faults());
        config = next;
    }

    /** Every request so far. */
    public RequestLog log() {
        return log;
    }

    /** The request log as a table: see {@link RequestLog#table()}. */
    public Table requestTable() {
        return log.table();
    }

    /**
     * Every chunk of every streamed ({@code alt=sse}) reply so far, in the order they were sent:
     * when each went out ({@link System#nanoTime()}, and ms on the {@link #log() request log}'s
     * clock) and the ids of the function calls it carried. Compare a call's chunk with when its
     * tool call began elsewhere to see whether a client started it as soon as it appeared; mind
     * that the google-genai SDK hands a chunk over only once the next one has arrived
     * ({@link StreamedChunk#readableNanos()}).
     */
    public List<StreamedChunk> streamLog() {
        return streamLog.chunks();
    }

    /** The chunk that carried the function call with this id, if it was streamed. */
    public Optional<StreamedChunk> streamedCall(String callId) {
        return streamLog.chunkCarrying(callId);
    }

    /**
     * The stream log as a table: response_id, request, chunk, sent_ms and readable_ms (request-log
     * clock, 0.1 ms), call_ids (space-separated), text, last.
     */
    public Table streamTable() {
        return streamLog.table();
    }

    /**
     * The tries of a generation with the prompt {@code prompt} get these faults, one each, in
     * order (retries or not); later tries are answered normally. Until {@link #reset()}.
     */
    public void failPrompt(String prompt, Fault... faults) {
        faultPlan.failSubject(prompt, faults);
    }

    /**
     * Every function response the model was sent since the last {@link #reset()}, each with the call
     * it answers, newest round of each request only: what the model was told each call returned.
     */
    public List<AnsweredCall> answeredCalls() {
        return answerLog.calls();
    }

    /** Every try of a generation with the prompt {@code prompt} gets {@code fault}, until {@link #reset()}. */
    public void failPromptAlways(String prompt, Fault fault) {
        faultPlan.failSubjectAlways(prompt, fault);
    }

    /** The next requests (generation and embedding calls) get these faults, one each, in order. */
    public void failNext(Fault... faults) {
        faultPlan.failNext(faults);
    }

    /**
     * How many client connections have sent requests since the last {@link #reset()}: a client
     * that keeps its connections alive and reuses them opens far fewer than it sends requests; a
     * call that is abandoned (a timeout, a cancel) takes its connection with it.
     */
    public int connectionsSeen() {
        return connections.size();
    }

    /** Empties the quota's windows, as if no request had been made yet. */
    public void resetQuota() {
        quota = quotaFor(config.quota());
    }

    /** A fresh start for a new exercise: empty logs, empty quota windows, no queued faults. */
    public void reset() {
        log.clear();
        streamLog.clear();
        answerLog.clear();
        connections.clear();
        resetQuota();
        faultPlan.clearQueued();
    }

    /** A client with the SDK's default retries (it retries 408, 429, 500, 502, 503 and 504 on its own). */
    public Client client() {
        return GeminiClients.forSimulator(baseUrl(), apiKey(), null);
    }

    /** A client that tries every request once, so each 429 or 503 reaches your code. */
    public Client clientWithoutRetries() {
        return GeminiClients.forSimulator(baseUrl(), apiKey(), GeminiClients.noRetries());
    }

    /** A client with these retry options. */
    public Client client(HttpRetryOptions retries) {
        return GeminiClients.forSimulator(baseUrl(), apiKey(), retries);
    }

    /** Stops the server; requests still being served are cut off. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "Gemini simulator at " + baseUrl() + " (" + config.summary() + ")";
    }

    SlidingWindowQuota quota() {
        return quota;
    }

    FaultPlan faultPlan() {
        return faultPlan;
    }

    StreamLog streamRecorder() {
        return streamLog;
    }

    AnswerLog answerRecorder() {
        return answerLog;
    }

    ClientConnection clientOf(HttpExchange exchange) {
        return server.clientOf(exchange);
    }

    void noteConnection(InetSocketAddress client) {
        if (client != null) {
            connections.add(client);
        }
    }

    private static SlidingWindowQuota quotaFor(GeminiQuota settings) {
        return new SlidingWindowQuota(settings.requestsPerWindow(), settings.tokensPerWindow(), settings.window());
    }
}
