package ai.asyncjava.kit.simulators;

/**
 * One row of a {@link RequestLog}: what one HTTP request asked for, when, and how it ended.
 * Times are milliseconds since the log began (or was last cleared); a time that has not
 * happened yet is {@code NaN}.
 *
 * @param id               the request's number in arrival order, from 1
 * @param request          the logical request it belongs to: retries of one request share it
 * @param attempt          1 for a first try, 2 for the first retry of the same request, ...
 * @param target           what was asked for: a model for the Gemini simulator, a path for a site
 * @param method           the API method, e.g. {@code generateContent}
 * @param arrivalMs        when it arrived (the quota is enforced at this instant)
 * @param startMs          when the simulated work began; {@code NaN} when it never did (429, 400)
 * @param endMs            when the answer was complete, or when the client left ({@link #abandoned()});
 *                         {@code NaN} while in flight
 * @param status           the HTTP status sent; 0 while in flight or when the connection was dropped;
 *                         {@value #CLIENT_CLOSED} when the client went away first ({@link #abandoned()})
 * @param batchSize        how many items it carried (texts in an embedding batch; 1 otherwise)
 * @param inFlightAtArrival how many other requests were in flight when it arrived
 * @param retryAfterMs     for a 429: the retry delay the server advised; {@code NaN} otherwise
 * @param admitted         whether the quota let it through
 * @param fault            the injected fault ({@code none}, {@code 500}, {@code 503}, {@code hang}, {@code drop})
 */
public record LoggedRequest(int id, int request, int attempt, String target, String method,
                            double arrivalMs, double startMs, double endMs, int status, int batchSize,
                            int inFlightAtArrival, double retryAfterMs, boolean admitted, String fault) {

    /**
     * The status logged for a request whose client closed the connection before the answer was
     * complete (nginx's convention; never sent, as no one is left to read it).
     */
    public static final int CLIENT_CLOSED = 499;

    /** True while no answer has been completed. */
    public boolean inFlight() {
        return Double.isNaN(endMs);
    }

    /** Arrival to end, in ms; {@code NaN} while in flight. */
    public double durationMs() {
        return endMs - arrivalMs;
    }

    /**
     * True when the client hung up before its answer was complete: it timed out, was cancelled or
     * stopped reading a stream. A simulator that watches for disconnects (the Gemini one's
     * {@code withWatchForDisconnects}) sees this the moment the client closes its connection;
     * otherwise only when writing the answer fails, which a small answer usually does not.
     */
    public boolean abandoned() {
        return status == CLIENT_CLOSED;
    }

    /**
     * When the client left, in ms on this log's clock: the moment it closed its connection when the
     * simulator watches for disconnects, else when a write to it failed; {@code NaN} unless
     * {@link #abandoned()}.
     */
    public double abandonedAtMs() {
        return abandoned() ? endMs : Double.NaN;
    }

    /** True when this was a retry of an earlier attempt. */
    public boolean isRetry() {
        return attempt > 1;
    }
}
