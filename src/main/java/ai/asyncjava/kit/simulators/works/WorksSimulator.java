package ai.asyncjava.kit.simulators.works;

import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.FaultPlan;
import ai.asyncjava.kit.simulators.LoopbackServer;
import ai.asyncjava.kit.simulators.RequestLog;
import ai.asyncjava.kit.simulators.SlidingWindowQuota;
import java.util.function.UnaryOperator;
import tech.tablesaw.api.Table;

/**
 * A local stand-in for OpenAlex's works API (chapter 06, the research agent's search tool):
 * {@code GET /works?search=…&per_page=…&page=…&select=…&sort=…} and {@code GET /works/W…} on
 * 127.0.0.1, over a generated corpus of scholarly works whose abstracts come as inverted indexes,
 * with OpenAlex's response and error shapes, simulated latency, a per-second quota, faults and a
 * request log.
 * <pre>{@code
 * try (WorksSimulator works = WorksSimulator.start(WorksConfig.realistic())) {
 *     String url = works.baseUrl() + "/works?search=gut%20microbiome%20depression&per_page=10";
 *     ...GET it with any HTTP client...
 *     works.corpus().search("gut microbiome depression", 10, 1, null);  // the same page, as objects
 *     works.log().table();                                              // one row per request
 * }
 * }</pre>
 */
public final class WorksSimulator implements AutoCloseable {

    /** The quota's key: one window for all requests, as OpenAlex counts per user. */
    static final String QUOTA_KEY = "api";

    private volatile WorksConfig config;
    private volatile SlidingWindowQuota quota;
    private final FaultPlan faultPlan;
    private final RequestLog log = new RequestLog("search", "per_page");
    private final Corpus corpus;
    private final LoopbackServer server;

    private WorksSimulator(WorksConfig config) {
        this.config = config;
        this.quota = quotaFor(config);
        this.faultPlan = new FaultPlan(config.faults());
        this.corpus = Corpus.generate(config.seed(), config.works());
        this.server = LoopbackServer.start(config.port(), new WorksHandler(this));
    }

    /** Starts a simulator; close it (or use try-with-resources) to free the port. */
    public static WorksSimulator start(WorksConfig config) {
        return new WorksSimulator(config);
    }

    /** The API root, {@code http://127.0.0.1:PORT} (no trailing slash): works are at {@code baseUrl() + "/works"}. */
    public String baseUrl() {
        return server.baseUri().toString();
    }

    /** {@code baseUrl() + "/works"}: where the search is, as {@code https://api.openalex.org/works} is. */
    public String worksUrl() {
        return baseUrl() + "/works";
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    /** The configuration in force. */
    public WorksConfig config() {
        return config;
    }

    /**
     * Changes latency, quota or faults while running; the port, seed and corpus size stay (the
     * corpus does not change). A new quota starts with an empty window.
     */
    public void reconfigure(UnaryOperator<WorksConfig> change) {
        WorksConfig current = config;
        WorksConfig next = change.apply(current)
                .withPort(current.port()).withSeed(current.seed()).withWorks(current.works());
        if (next.quota() != current.quota() || !next.quotaWindow().equals(current.quotaWindow())) {
            quota = quotaFor(next);
        }
        faultPlan.update(next.faults());
        config = next;
    }

    /** The truth: every work, and {@link Corpus#search} answering exactly as the server does. */
    public Corpus corpus() {
        return corpus;
    }

    /**
     * Every request so far: the {@code search} column holds the search string (the ID for
     * {@code /works/W…}, the path for an unknown path), {@code method} is {@code works} for a listing
     * and {@code work} for one work, and the {@code per_page} column the page size.
     */
    public RequestLog log() {
        return log;
    }

    /** The request log as a table: see {@link RequestLog#table()}. */
    public Table requestTable() {
        return log.table();
    }

    /**
     * The tries of a listing whose {@code search} is exactly {@code search} get these faults, one
     * each, in order (retries or not); later tries are answered normally. Until {@link #reset()}.
     */
    public void failSearch(String search, Fault... faults) {
        faultPlan.failSubject(search, faults);
    }

    /** Every try of a listing whose {@code search} is exactly {@code search} gets {@code fault}, until {@link #reset()}. */
    public void failSearchAlways(String search, Fault fault) {
        faultPlan.failSubjectAlways(search, fault);
    }

    /** The next requests (listings or single works) get these faults, one each, in order. */
    public void failNext(Fault... faults) {
        faultPlan.failNext(faults);
    }

    /** Empties the quota's window, as if no request had been made yet. */
    public void resetQuota() {
        quota = quotaFor(config);
    }

    /** A fresh start for a new exercise: an empty log, an empty quota window, no planned faults. */
    public void reset() {
        log.clear();
        resetQuota();
        faultPlan.clearQueued();
    }

    /** Stops the server; requests still being served are cut off. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "Works simulator at " + baseUrl() + " (" + config.summary() + ")";
    }

    SlidingWindowQuota quota() {
        return quota;
    }

    FaultPlan faultPlan() {
        return faultPlan;
    }

    private static SlidingWindowQuota quotaFor(WorksConfig config) {
        return new SlidingWindowQuota(config.quota(), 0, config.quotaWindow());
    }
}
