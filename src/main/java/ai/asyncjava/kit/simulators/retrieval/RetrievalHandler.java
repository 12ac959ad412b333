package ai.asyncjava.kit.simulators.retrieval;

import static ai.asyncjava.kit.simulators.HttpExchanges.pause;
import static ai.asyncjava.kit.simulators.HttpExchanges.sendLogged;
import static ai.asyncjava.kit.simulators.HttpExchanges.sendLoggedQuietly;

import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.HttpExchanges;
import ai.asyncjava.kit.simulators.JsonAnswer;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.RequestLog;
import ai.asyncjava.kit.simulators.StableHash;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Serves one of the two services: route and validate the request (a 400, 404 or 405 answers at
 * once and is logged), log its arrival, then inject the planned fault or answer after the
 * simulated delay, and log the end. Nothing a client sends can stop the server: an unexpected
 * exception becomes a logged 500.
 */
final class RetrievalHandler implements HttpHandler {

    /** Logged when the client went away before the answer was written (nginx's convention). */
    static final int CLIENT_CLOSED = LoggedRequest.CLIENT_CLOSED;

    /** The path both services answer on. */
    static final String PATH = "/search";

    /** The parameters the keyword search takes. */
    static final List<String> KEYWORD_PARAMETERS = List.of("q", "top_k");

    private final RetrievalSimulator simulator;
    private final Service service;

    RetrievalHandler(RetrievalSimulator simulator, Service service) {
        this.simulator = simulator;
        this.service = service;
    }

    /** A request that passed validation: what to log, and its results (sent after the delay). */
    private record Prepared(String target, int topK, List<Hit> hits) {
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            // The client vanished while we read its request; no one is left to answer.
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = HttpExchanges.body(exchange); // read whole, so the connection can be reused
        RetrievalConfig config = simulator.config();
        String path = exchange.getRequestURI().getPath();
        String httpMethod = exchange.getRequestMethod();
        // Retries resend the same request, so equal fingerprints link the attempts of one search.
        long fingerprint = StableHash.combine(StableHash.of(service.label() + " " + httpMethod + " "
                + exchange.getRequestURI()), StableHash.of(body));
        Prepared prepared;
        try {
            prepared = prepare(exchange, path, httpMethod, body);
        } catch (RetrievalError invalid) {
            RequestLog.Entry entry = simulator.log().open(path, service.label(), 0, fingerprint,
                    RequestLog.Admission.INVALID);
            sendLoggedQuietly(exchange, new JsonAnswer(invalid.status(),
                    RetrievalJson.error(invalid.status(), invalid.field(), invalid.message())), entry);
            return;
        } catch (RuntimeException bug) {
            RequestLog.Entry entry = simulator.log().open(path, service.label(), 0, fingerprint,
                    RequestLog.Admission.INVALID);
            System.err.println("Retrieval simulator (" + service.label() + "): " + exchange.getRequestURI()
                    + " failed: " + bug);
            sendLoggedQuietly(exchange, internalError(), entry);
            return;
        }

        RequestLog.Entry entry = simulator.log().open(prepared.target(), service.label(), prepared.topK(),
                fingerprint, RequestLog.Admission.ALWAYS);
        try {
            entry.started();
            perform(exchange, config, prepared, entry, fingerprint);
        } catch (IOException e) {
            entry.finish(CLIENT_CLOSED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the simulator is stopping
        } catch (RuntimeException e) {
            System.err.println("Retrieval simulator (" + service.label() + "): request " + entry.id() + " ("
                    + exchange.getRequestURI() + ") failed: " + e);
            sendLoggedQuietly(exchange, internalError(), entry);
        } finally {
            entry.finish(0); // only takes effect when nothing was sent
        }
    }

    /** Routes, validates and searches (a millisecond or two); the answer goes out after the delay. */
    private Prepared prepare(HttpExchange exchange, String path, String httpMethod, byte[] body) {
        if (!path.equals(PATH)) {
            throw new RetrievalError(404, null, "no such path: " + path + "; the " + service.label()
                    + " search is " + service.httpMethod() + " " + PATH);
        }
        if (!httpMethod.equals(service.httpMethod())) {
            exchange.getResponseHeaders().set("Allow", service.httpMethod());
            throw new RetrievalError(405, null, "the " + service.label() + " search takes " + service.httpMethod()
                    + " " + PATH + ", not " + httpMethod);
        }
        RetrievalIndex index = simulator.index();
        Map<String, String> query;
        try {
            query = HttpExchanges.query(exchange);
        } catch (IllegalArgumentException e) {
            throw RetrievalError.invalid(null, "the query string is not URL-encoded properly: " + e.getMessage());
        }
        if (service == Service.VECTOR) {
            if (!query.isEmpty()) {
                String name = query.keySet().iterator().next();
                throw RetrievalError.invalid(name, "the vector search takes no query parameters (" + name
                        + "): send {\"embedding\": [numbers], \"top_k\": 20} as the JSON body");
            }
            RetrievalJson.VectorQuery vectorQuery = RetrievalJson.vectorQuery(body);
            return new Prepared(RetrievalJson.preview(vectorQuery.embedding()), vectorQuery.topK(),
                    index.vectorTop(vectorQuery.embedding(), vectorQuery.topK()));
        }
        for (String name : query.keySet()) {
            if (!KEYWORD_PARAMETERS.contains(name)) {
                throw RetrievalError.invalid(name, name + " is not a parameter of the keyword search; it takes "
                        + String.join(" and ", KEYWORD_PARAMETERS));
            }
        }
        String q = query.get("q");
        int topK = RetrievalJson.topK(query.get("top_k"));
        return new Prepared(q, topK, index.keywordTop(q, topK));
    }

    // The planned fault, or the answer after the simulated delay.
    private void perform(HttpExchange exchange, RetrievalConfig config, Prepared prepared, RequestLog.Entry entry,
                         long fingerprint) throws IOException, InterruptedException {
        Duration delay = config.effectiveLatency(service).sample(
                new SplittableRandom(StableHash.combine(config.latencySeed(), fingerprint + entry.attempt())));
        Fault fault = simulator.decideFault(service, fingerprint, entry.attempt());
        entry.fault(fault);
        switch (fault) {
            case NONE -> {
                pause(delay);
                sendLogged(exchange, new JsonAnswer(200, RetrievalJson.results(prepared.hits())), entry);
            }
            case INTERNAL_ERROR -> {
                pause(delay);
                sendLogged(exchange, internalError(), entry);
            }
            case UNAVAILABLE -> sendLogged(exchange, new JsonAnswer(503, RetrievalJson.error(503, null,
                    "the " + service.label() + " search is overloaded; retry with back-off")), entry);
            case HANG -> {
                pause(config.faults(service).hangFor());
                sendLogged(exchange, new JsonAnswer(504, RetrievalJson.error(504, null,
                        "the " + service.label() + " search took too long and was stopped")), entry);
            }
            case DROP -> {
                pause(delay.dividedBy(2));
                entry.finish(0);
                HttpExchanges.dropConnection(exchange);
            }
            case RESOURCE_EXHAUSTED -> sendLogged(exchange, new JsonAnswer(429, RetrievalJson.error(429, null,
                    "too many searches; slow down")), entry);
            case INVALID_ARGUMENT -> sendLogged(exchange, new JsonAnswer(400, RetrievalJson.error(400, null,
                    "the search was refused as invalid")), entry);
        }
    }

    private JsonAnswer internalError() {
        return new JsonAnswer(500, RetrievalJson.error(500, null,
                "the " + service.label() + " search had an internal error; retry with back-off"));
    }
}
