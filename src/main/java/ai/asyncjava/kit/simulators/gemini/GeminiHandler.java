package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.ClientConnection;
import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.HttpExchanges;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.RequestLog;
import ai.asyncjava.kit.simulators.SlidingWindowQuota;
import ai.asyncjava.kit.simulators.StableHash;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Serves one HTTP request: validate (route, key, body), log the arrival and ask the quota in
 * one step, then inject the planned fault or answer after the simulated delay, and log the end.
 * Nothing a client sends can stop the server: every failure becomes an error answer. A client
 * that hangs up is logged as {@value #CLIENT_CLOSED}: when a write to it fails or, if the
 * simulator watches for disconnects, the moment it closes, which ends the simulated work.
 */
final class GeminiHandler implements HttpHandler {

    /** Logged when the client went away before the answer was written (nginx's convention). */
    static final int CLIENT_CLOSED = LoggedRequest.CLIENT_CLOSED;

    private final GeminiSimulator simulator;

    GeminiHandler(GeminiSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) {
        simulator.noteConnection(exchange.getRemoteAddress());
        try {
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            // The client vanished while we read its request; there is no one left to answer.
        } finally {
            exchange.close();
        }
    }

    /** One request as read off the wire, with the settings in force when it arrived. */
    private record Incoming(HttpExchange exchange, GeminiSimulatorConfig config, Map<String, String> query,
                            byte[] body, String key, long fingerprint, ClientConnection client) {

        static Incoming read(HttpExchange exchange, GeminiSimulatorConfig config, ClientConnection client)
                throws IOException {
            Map<String, String> query = HttpExchanges.query(exchange);
            byte[] body = HttpExchanges.body(exchange);
            String key = apiKey(exchange, query);
            // Retries resend the same bytes, so equal fingerprints link the attempts of one request.
            long fingerprint = StableHash.combine(
                    StableHash.of(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + key),
                    StableHash.of(body));
            return new Incoming(exchange, config, query, body, key, fingerprint, client);
        }

        String path() {
            return exchange.getRequestURI().getPath();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        Incoming in = Incoming.read(exchange, simulator.config(), simulator.clientOf(exchange));
        GeminiCall call;
        try {
            GeminiRoute route = GeminiRoute.of(exchange.getRequestMethod(), in.path());
            checkKey(in.key(), in.config().apiKey());
            call = RequestParser.parse(route, in.body(), in.query());
            if (call.action().generates()) {
                FunctionTurnRules.check(call.conversation().turns(), in.config().thoughtSignatures());
            }
        } catch (ApiError invalid) {
            rejectInvalid(in, invalid);
            return;
        }

        SlidingWindowQuota quota = simulator.quota();
        RequestLog.Admission admission = call.action().metered
                ? now -> quota.tryAcquire(call.modelId(), now, call.promptTokens())
                : RequestLog.Admission.ALWAYS;
        RequestLog.Entry entry = simulator.log().open(call.modelId(), call.action().method, call.batchSize(),
                in.fingerprint(), admission);
        if (call.action().generates()) {
            simulator.answerRecorder().record(entry.id(), call.conversation().turns());
        }
        try {
            if (entry.decision().admitted()) {
                entry.started();
                perform(in, call, entry);
            } else {
                send(exchange, ApiError.quotaExceeded(call.modelId(), call.action(), in.config().quota(),
                        entry.decision()), entry);
            }
        } catch (IOException e) {
            long closedAt = in.client().closedAtNanos(); // when a watching server saw the client go
            entry.finishAt(CLIENT_CLOSED, closedAt >= 0 ? closedAt : System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the simulator is stopping
        } catch (RuntimeException e) {
            // A bug in a script or in the simulator: answer 500 like a real server would, and say why.
            System.err.println("Gemini simulator: request " + entry.id() + " failed: " + e);
            sendQuietly(exchange, ApiError.internal(), entry);
        } finally {
            entry.finish(0); // only takes effect when nothing was sent (the entry keeps its first end)
        }
    }

    // Logged, so a check can see what a learner sent wrong, but never counted against the quota.
    private void rejectInvalid(Incoming in, ApiError invalid) {
        String target = in.path();
        String method = in.exchange().getRequestMethod();
        try {
            GeminiRoute route = GeminiRoute.of(method, in.path());
            target = route.model();
            method = route.action().method;
        } catch (ApiError unroutable) {
            // keep the raw path and HTTP method
        }
        RequestLog.Entry entry = simulator.log().open(target, method, 1, in.fingerprint(), RequestLog.Admission.INVALID);
        sendQuietly(in.exchange(), invalid, entry);
    }

    // Serves an admitted call: the planned fault, or the real answer after the simulated delay.
    private void perform(Incoming in, GeminiCall call, RequestLog.Entry entry) throws IOException, InterruptedException {
        Pacing pacing = new Pacing(in.config().effectiveLatencies(), in.config().timeScale(),
                // Each try draws its own latency, and so does a copy sent while the first is in flight (a
                // hedge): the same bytes on another logical request are another draw.
                new SplittableRandom(StableHash.combine(in.config().latencySeed(),
                        in.fingerprint() + entry.attempt() + 1_000_003L * entry.request())),
                in.client());
        Fault fault = call.action().metered
                ? simulator.faultPlan().decide(in.fingerprint(), subject(call), entry.attempt())
                : Fault.NONE;
        entry.fault(fault);
        HttpExchange exchange = in.exchange();
        switch (fault) {
            case NONE -> answer(call, in, pacing, entry, Long.toHexString(StableHash.combine(in.fingerprint(), entry.id())));
            case INTERNAL_ERROR -> {
                pacing.pause(pacing.callDelay(call));
                send(exchange, ApiError.internal(), entry);
            }
            case UNAVAILABLE -> send(exchange, ApiError.overloaded(), entry); // overload is refused at once
            case RESOURCE_EXHAUSTED -> send(exchange, ApiError.resourceExhausted(), entry);
            case INVALID_ARGUMENT -> send(exchange, ApiError.invalidArgument("Request contains an invalid argument."),
                    entry);
            case HANG -> {
                pacing.pause(in.config().faults().hangFor());
                send(exchange, ApiError.deadlineExceeded(), entry);
            }
            case DROP -> {
                pacing.pause(pacing.callDelay(call).dividedBy(2));
                entry.finish(0);
                HttpExchanges.dropConnection(exchange);
            }
        }
    }

    // What a fault planned for one request is keyed by: a generation's prompt (its last turn's text).
    private static String subject(GeminiCall call) {
        return call.action().generates() && !call.conversation().turns().isEmpty()
                ? call.conversation().lastTurn().text()
                : null;
    }

    private void answer(GeminiCall call, Incoming in, Pacing pacing, RequestLog.Entry entry, String responseId)
            throws IOException, InterruptedException {
        if (call.action().generates()) {
            boolean sse = "sse".equalsIgnoreCase(in.query().get("alt"));
            new GenerateResponder(in.config(), simulator.streamRecorder())
                    .respond(call, in.exchange(), pacing, responseId, sse, StableHash.of(in.body()), entry);
        } else {
            OtherResponders.respond(call, in.exchange(), pacing, entry::finish);
        }
    }

    // The real API takes the key from the x-goog-api-key header or the key query parameter.
    private static String apiKey(HttpExchange exchange, Map<String, String> query) {
        String header = exchange.getRequestHeaders().getFirst("x-goog-api-key");
        return header != null ? header : query.get("key");
    }

    private static void checkKey(String key, String expected) throws ApiError {
        if (key == null || key.isEmpty()) {
            throw ApiError.missingKey();
        }
        if (!key.equals(expected)) {
            throw ApiError.invalidKey();
        }
    }

    // The log marks the end just before the body goes out, so a client holding the answer finds it logged.
    private static void send(HttpExchange exchange, ApiError error, RequestLog.Entry entry) throws IOException {
        HttpExchanges.sendJson(exchange, error.httpStatus(), GeminiJson.bytes(error.body()),
                () -> entry.finish(error.httpStatus()));
    }

    private static void sendQuietly(HttpExchange exchange, ApiError error, RequestLog.Entry entry) {
        try {
            send(exchange, error, entry);
        } catch (IOException | RuntimeException e) {
            entry.finish(CLIENT_CLOSED); // headers were already sent, or the client is gone
        }
    }
}
