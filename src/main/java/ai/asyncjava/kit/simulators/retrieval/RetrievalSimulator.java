package ai.asyncjava.kit.simulators.retrieval;

import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.FaultPlan;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.LoopbackServer;
import ai.asyncjava.kit.simulators.RequestLog;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import tech.tablesaw.api.Table;

/**
 * The two search services of chapter 07's RAG request, each on its own port on 127.0.0.1, over
 * the same documents (the abstracts of the works corpus):
 * <ul>
 *   <li>vector search, {@code POST /search} with {@code {"embedding": [floats], "top_k": 20}}:
 *   cosine similarity against each document's embedding, as the Gemini simulator embeds it;</li>
 *   <li>keyword search, {@code GET /search?q=…&top_k=20}: BM25.</li>
 * </ul>
 * Both answer {@code {"results": [{"id", "score", "text"}, …]}} after a simulated delay, fail as
 * planned, and log every request in one {@link #log() request log}. The truth API
 * ({@link #vectorTop}, {@link #keywordTop}, {@link #fuse}) computes exactly what they answer.
 * <pre>{@code
 * try (RetrievalSimulator retrieval = RetrievalSimulator.start(RetrievalConfig.realistic())) {
 *     // POST {"embedding": [...768 floats...], "top_k": 20} to retrieval.vectorUrl()
 *     // GET  retrieval.keywordUrl() + "?q=gut%20microbiome%20depression&top_k=20"
 *     retrieval.fuse(Hit.ids(vectorHits), Hit.ids(keywordHits));   // the fusion to expect
 *     retrieval.requestTable();                                   // one row per search
 * }
 * }</pre>
 */
public final class RetrievalSimulator implements AutoCloseable {

    private volatile RetrievalConfig config;
    private final RetrievalIndex index;
    private final RequestLog log = new RequestLog("query", "top_k");
    private final Map<Service, FaultPlan> faultPlans = new EnumMap<>(Service.class);
    private final Map<Service, Fault> alwaysFaults = new EnumMap<>(Service.class);
    private final LoopbackServer vectorServer;
    private final LoopbackServer keywordServer;

    private RetrievalSimulator(RetrievalConfig config) {
        this.config = config;
        this.index = RetrievalIndex.of(config);
        for (Service service : Service.values()) {
            faultPlans.put(service, new FaultPlan(config.faults(service)));
        }
        this.vectorServer = LoopbackServer.start(config.vectorPort(), new RetrievalHandler(this, Service.VECTOR));
        try {
            this.keywordServer = LoopbackServer.start(config.keywordPort(), new RetrievalHandler(this, Service.KEYWORD));
        } catch (RuntimeException e) {
            vectorServer.close();
            throw e;
        }
    }

    /**
     * Starts both services; close the simulator (or use try-with-resources) to free the ports.
     * The first start with a given seed, corpus size and dimensionality embeds every document,
     * which takes a moment; later ones share the index.
     */
    public static RetrievalSimulator start(RetrievalConfig config) {
        return new RetrievalSimulator(config);
    }

    /** The vector search's endpoint, {@code http://127.0.0.1:PORT/search}: POST a JSON body to it. */
    public String vectorUrl() {
        return baseUrl(Service.VECTOR) + RetrievalHandler.PATH;
    }

    /** The keyword search's endpoint, {@code http://127.0.0.1:PORT/search}: add {@code ?q=…&top_k=…} and GET it. */
    public String keywordUrl() {
        return baseUrl(Service.KEYWORD) + RetrievalHandler.PATH;
    }

    /** The service's root, {@code http://127.0.0.1:PORT} (no trailing slash). */
    public String baseUrl(Service service) {
        return server(service).baseUri().toString();
    }

    /** The port {@code service} listens on. */
    public int port(Service service) {
        return server(service).port();
    }

    /** The configuration in force. */
    public RetrievalConfig config() {
        return config;
    }

    /**
     * Changes latencies, time scale or faults while running; the ports and the documents (seed,
     * corpus size, dimensionality) stay.
     */
    public void reconfigure(UnaryOperator<RetrievalConfig> change) {
        RetrievalConfig current = config;
        RetrievalConfig next = change.apply(current).withPorts(current.vectorPort(), current.keywordPort())
                .withSeed(current.seed()).withWorks(current.works()).withDimensions(current.dimensions());
        for (Service service : Service.values()) {
            faultPlans.get(service).update(next.faults(service));
        }
        config = next;
    }

    /** The truth: the documents and both searches, answering exactly as the services do. */
    public RetrievalIndex index() {
        return index;
    }

    /** What the vector service answers for {@code embedding} and {@code top_k = k}: see {@link RetrievalIndex#vectorTop(List, int)}. */
    public List<Hit> vectorTop(List<? extends Number> embedding, int k) {
        return index.vectorTop(embedding, k);
    }

    /** What the keyword service answers for {@code q} and {@code top_k = k}: see {@link RetrievalIndex#keywordTop}. */
    public List<Hit> keywordTop(String q, int k) {
        return index.keywordTop(q, k);
    }

    /**
     * Reciprocal rank fusion of two rankings of ids with k = {@value ReciprocalRankFusion#K}: see
     * {@link ReciprocalRankFusion}.
     */
    public List<FusedHit> fuse(List<String> first, List<String> second) {
        return ReciprocalRankFusion.fuse(first, second);
    }

    /**
     * The embedding the Gemini simulator returns for {@code text} at the index's dimensionality:
     * what a learner's embedding call gets for a query, and what {@link #vectorTop} takes.
     */
    public List<Float> embeddingOf(String text) {
        return index.embeddingOf(text);
    }

    /**
     * Every request to either service so far, in arrival order on one clock. The {@code method}
     * column says which service ({@code vector} or {@code keyword}); {@code query} holds the
     * keyword query, or the first values of the embedding and its length ({@code [0.0123,
     * -0.0456, 0.0789, …] (768)}), or the path of a request that was refused; {@code top_k} the
     * results asked for. {@code in_flight_at_arrival} counts both services' requests, so a keyword
     * search that arrives while the vector search is in flight shows 1: the searches ran at once.
     */
    public RequestLog log() {
        return log;
    }

    /** The requests to {@code service} so far, in arrival order. */
    public List<LoggedRequest> requests(Service service) {
        return log.requests().stream().filter(r -> r.method().equals(service.label())).toList();
    }

    /** The request log as a table ({@link RequestLog#table()}), its {@code method} column named {@code service}. */
    public Table requestTable() {
        Table table = log.table();
        table.column("method").setName("service");
        return table;
    }

    /** The next requests to {@code service} get these faults, one each, in order; then it serves normally again. */
    public void failNext(Service service, Fault... faults) {
        faultPlans.get(service).failNext(faults);
    }

    /**
     * Every request to {@code service} gets {@code fault} (a service that is down: {@link Fault#INTERNAL_ERROR};
     * one that never answers in time: {@link Fault#HANG}), until {@link #reset()} or
     * {@code failAlways(service, Fault.NONE)}.
     */
    public void failAlways(Service service, Fault fault) {
        Objects.requireNonNull(fault, "a fault is needed (Fault.NONE to serve normally again)");
        synchronized (alwaysFaults) {
            if (fault == Fault.NONE) {
                alwaysFaults.remove(service);
            } else {
                alwaysFaults.put(service, fault);
            }
        }
    }

    /** A fresh start for a new exercise: an empty log, no faults queued or switched on (the configured shares stay). */
    public void reset() {
        log.clear();
        for (Service service : Service.values()) {
            faultPlans.get(service).clearQueued();
        }
        synchronized (alwaysFaults) {
            alwaysFaults.clear();
        }
    }

    /** Stops both services; requests still being served are cut off. */
    @Override
    public void close() {
        try {
            vectorServer.close();
        } finally {
            keywordServer.close();
        }
    }

    @Override
    public String toString() {
        return "Retrieval simulator: vector search at " + vectorUrl() + ", keyword search at " + keywordUrl()
                + " (" + config.summary() + ")";
    }

    /** The fault for one request: a switched-on {@link #failAlways} first, then the service's fault plan. */
    Fault decideFault(Service service, long fingerprint, int attempt) {
        Fault always;
        synchronized (alwaysFaults) {
            always = alwaysFaults.get(service);
        }
        return always != null ? always : faultPlans.get(service).decide(fingerprint, attempt);
    }

    private LoopbackServer server(Service service) {
        return service == Service.VECTOR ? vectorServer : keywordServer;
    }
}
