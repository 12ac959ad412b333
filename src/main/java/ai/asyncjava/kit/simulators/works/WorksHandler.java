package ai.asyncjava.kit.simulators.works;

import static ai.asyncjava.kit.simulators.HttpExchanges.pause;
import static ai.asyncjava.kit.simulators.HttpExchanges.sendLogged;
import static ai.asyncjava.kit.simulators.HttpExchanges.sendLoggedQuietly;

import ai.asyncjava.kit.simulators.Durations;
import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.HttpExchanges;
import ai.asyncjava.kit.simulators.JsonAnswer;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.RequestLog;
import ai.asyncjava.kit.simulators.SlidingWindowQuota;
import ai.asyncjava.kit.simulators.StableHash;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * Serves one request: route and validate it (a 400 or 404 answers at once and is logged, but not
 * counted against the quota), log the arrival and ask the quota in one step, then inject the
 * planned fault or answer after the simulated delay, and log the end. Nothing a client sends can
 * stop the server: an unexpected exception becomes a logged 500.
 */
final class WorksHandler implements HttpHandler {

    /** Logged when the client went away before the answer was written (nginx's convention). */
    static final int CLIENT_CLOSED = LoggedRequest.CLIENT_CLOSED;

    /** The parameters {@code /works} takes (OpenAlex takes more: cursor, sample, group_by… are not simulated). */
    static final List<String> LIST_PARAMETERS = List.of("api_key", "api-key", "filter", "mailto", "page", "per_page",
            "per-page", "search", "select", "sort");
    /** The parameters {@code /works/W…} takes. */
    static final List<String> SINGLE_PARAMETERS = List.of("api_key", "api-key", "mailto", "select");

    private static final String NOT_FOUND_URL = "The requested URL was not found on the server. If you entered the"
            + " URL manually please check your spelling and try again.";

    private final WorksSimulator simulator;

    WorksHandler(WorksSimulator simulator) {
        this.simulator = simulator;
    }

    /** A request that passed validation: what to log, and how to answer it after the delay. */
    private record Prepared(String target, String method, int perPage, LongFunction<JsonAnswer> answer) {
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream()); // so the connection can be reused
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            // The client vanished while we read its request; no one is left to answer.
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        WorksConfig config = simulator.config();
        String path = exchange.getRequestURI().getPath();
        String httpMethod = exchange.getRequestMethod();
        // Retries resend the same request line, so equal fingerprints link the attempts of one request.
        long fingerprint = StableHash.of(httpMethod + " " + exchange.getRequestURI());
        Prepared prepared;
        try {
            if (!httpMethod.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                throw new WorksError(405, "Method Not Allowed", "The method " + httpMethod
                        + " is not allowed for the requested URL; the API answers GET only.");
            }
            prepared = prepare(path, HttpExchanges.query(exchange));
        } catch (WorksError invalid) {
            RequestLog.Entry entry = simulator.log().open(path, httpMethod, 0, fingerprint, RequestLog.Admission.INVALID);
            sendLoggedQuietly(exchange, new JsonAnswer(invalid.status(), WorksJson.error(invalid.error(), invalid.message())),
                    entry);
            return;
        } catch (RuntimeException bug) {
            RequestLog.Entry entry = simulator.log().open(path, httpMethod, 0, fingerprint, RequestLog.Admission.INVALID);
            System.err.println("Works simulator: " + exchange.getRequestURI() + " failed: " + bug);
            sendLoggedQuietly(exchange, internalError(), entry);
            return;
        }

        SlidingWindowQuota quota = simulator.quota();
        SlidingWindowQuota.Headroom[] headroom = new SlidingWindowQuota.Headroom[1];
        RequestLog.Entry entry = simulator.log().open(prepared.target(), prepared.method(), prepared.perPage(),
                fingerprint, now -> {
                    SlidingWindowQuota.Decision decision = quota.tryAcquire(WorksSimulator.QUOTA_KEY, now, 0);
                    headroom[0] = quota.headroom(WorksSimulator.QUOTA_KEY, now);
                    return decision;
                });
        try {
            if (!config.unlimited()) {
                rateLimitHeaders(exchange, config, headroom[0], entry.decision().admitted());
            }
            if (!entry.decision().admitted()) {
                long seconds = wholeSeconds(entry.decision().retryAfter());
                exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
                sendLogged(exchange, new JsonAnswer(429, WorksJson.error("Rate limit exceeded", "You made more than "
                        + config.quota() + " requests in " + Durations.human(config.quotaWindow())
                        + ". Slow down: try again in " + seconds + " s.")), entry);
                return;
            }
            entry.started();
            perform(exchange, config, prepared, entry, fingerprint);
        } catch (IOException e) {
            entry.finish(CLIENT_CLOSED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the simulator is stopping
        } catch (RuntimeException e) {
            System.err.println("Works simulator: request " + entry.id() + " (" + exchange.getRequestURI() + ") failed: " + e);
            sendLoggedQuietly(exchange, internalError(), entry);
        } finally {
            entry.finish(0); // only takes effect when nothing was sent
        }
    }

    // The planned fault, or the answer after the simulated delay.
    private void perform(HttpExchange exchange, WorksConfig config, Prepared prepared, RequestLog.Entry entry,
                         long fingerprint) throws IOException, InterruptedException {
        Duration delay = config.effectiveLatency().sample(
                new SplittableRandom(StableHash.combine(config.latencySeed(), fingerprint + entry.attempt())));
        Fault fault = simulator.faultPlan().decide(fingerprint, prepared.target(), entry.attempt());
        entry.fault(fault);
        switch (fault) {
            case NONE -> {
                pause(delay);
                sendLogged(exchange, prepared.answer().apply(delay.toMillis()), entry);
            }
            case INTERNAL_ERROR -> {
                pause(delay);
                sendLogged(exchange, internalError(), entry);
            }
            case UNAVAILABLE -> sendLogged(exchange, new JsonAnswer(503, WorksJson.error("Service Unavailable",
                    "The server is temporarily overloaded. Retry with backoff.")), entry);
            case HANG -> {
                pause(config.faults().hangFor());
                sendLogged(exchange, new JsonAnswer(504, WorksJson.error("Gateway Timeout",
                        "The search took too long and was stopped.")), entry);
            }
            case DROP -> {
                pause(delay.dividedBy(2));
                entry.finish(0);
                HttpExchanges.dropConnection(exchange);
            }
            case RESOURCE_EXHAUSTED -> sendLogged(exchange, new JsonAnswer(429, WorksJson.error("Rate limit exceeded",
                    "Too many requests. Slow down.")), entry);
            case INVALID_ARGUMENT -> sendLogged(exchange, new JsonAnswer(400, WorksJson.error(WorksError.INVALID_PARAMETERS,
                    "The request was refused as invalid.")), entry);
        }
    }

    /** Routes and validates; the answer itself is computed now (cheap), its JSON written after the delay. */
    private Prepared prepare(String path, Map<String, String> query) {
        Corpus corpus = simulator.corpus();
        if (path.equals("/works") || path.equals("/works/")) {
            checkParameters(query, LIST_PARAMETERS);
            int perPage = number(query, "per-page", Corpus.DEFAULT_PER_PAGE);
            int page = number(query, "page", 1);
            Set<String> select = WorksJson.select(query.get("select"));
            String search = query.get("search");
            SearchResult result = corpus.list(search, query.get("filter"), perPage, page, query.get("sort"));
            return new Prepared(search == null ? "" : search, "works", perPage,
                    dbMs -> new JsonAnswer(200, WorksJson.listing(result, select, dbMs)));
        }
        if (path.startsWith("/works/")) {
            String id = path.substring("/works/".length());
            checkParameters(query, SINGLE_PARAMETERS);
            Set<String> select = WorksJson.select(query.get("select"));
            return new Prepared(id, "work", 1, dbMs -> corpus.byId(id)
                    .map(work -> new JsonAnswer(200, WorksJson.single(work, select)))
                    .orElseGet(() -> new JsonAnswer(404, WorksJson.error("Not Found", "Work " + id + " not found"))));
        }
        throw WorksError.notFound(NOT_FOUND_URL);
    }

    private static void checkParameters(Map<String, String> query, List<String> valid) {
        for (String name : query.keySet()) {
            if (!valid.contains(name)) {
                throw WorksError.invalidParameter(name + " is not a valid parameter. Valid parameters are: "
                        + String.join(", ", valid) + ".");
            }
        }
    }

    // OpenAlex reads per-page or per_page, page; anything but an integer is refused.
    private static int number(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            value = query.get(name.replace('-', '_'));
        }
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw WorksError.invalidParameter("Param " + name + " must be a number.");
        }
    }

    // OpenAlex's rate-limit header names; here they describe the simulated window, not a daily budget.
    private static void rateLimitHeaders(HttpExchange exchange, WorksConfig config, SlidingWindowQuota.Headroom room,
                                         boolean admitted) {
        var headers = exchange.getResponseHeaders();
        headers.set("X-RateLimit-Limit", Integer.toString(config.quota()));
        headers.set("X-RateLimit-Remaining", Integer.toString(room.remaining()));
        headers.set("X-RateLimit-Credits-Used", admitted ? "1" : "0");
        headers.set("X-RateLimit-Reset", Long.toString(room.remaining() > 0 ? 0 : wholeSeconds(room.untilNextSlot())));
    }

    private static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L); // rounded up: never too early
    }

    private static JsonAnswer internalError() {
        return new JsonAnswer(500, WorksJson.error("Internal Server Error",
                "The server had a temporary problem. Retry with backoff."));
    }
}
