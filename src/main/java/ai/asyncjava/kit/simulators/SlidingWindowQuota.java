package ai.asyncjava.kit.simulators;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A quota of requests (and optionally tokens) per sliding window, kept separately per key
 * (a model, a host). A request is admitted when, counting it, no window of length
 * {@code window} ending at its arrival holds more than the limit; so no stretch of that length
 * anywhere in the log ever holds more admitted requests than the limit. Thread-safe.
 */
public final class SlidingWindowQuota {

    /** Which limit turned a request away. */
    public enum Limit { REQUESTS, TOKENS }

    /**
     * The outcome for one request.
     *
     * @param admitted   whether the request may go ahead
     * @param retryAfter when it is not admitted: how long until an identical request would be
     * @param exceeded   when it is not admitted: the limit it hit
     */
    public record Decision(boolean admitted, Duration retryAfter, Limit exceeded) {
        /** Let through. */
        public static final Decision ADMITTED = new Decision(true, Duration.ZERO, null);
        /** Turned away before the quota was asked (a malformed request, a bad key). */
        public static final Decision NOT_CONSIDERED = new Decision(false, Duration.ZERO, null);

        /** True when the quota itself turned the request away. */
        public boolean overQuota() {
            return exceeded != null;
        }
    }

    private record Spent(long atNanos, long tokens) {
    }

    private final int requestsPerWindow;
    private final long tokensPerWindow;
    private final long windowNanos;
    private final Map<String, Deque<Spent>> spentByKey = new HashMap<>();
    private final Map<String, Long> tokensByKey = new HashMap<>();

    /**
     * @param requestsPerWindow the most requests per window and key; 0 for no request limit
     * @param tokensPerWindow   the most tokens per window and key; 0 for no token limit
     * @param window            the window's length
     */
    public SlidingWindowQuota(int requestsPerWindow, long tokensPerWindow, Duration window) {
        if (requestsPerWindow < 0 || tokensPerWindow < 0) {
            throw new IllegalArgumentException("a quota cannot be negative");
        }
        if (!window.isPositive()) {
            throw new IllegalArgumentException("a quota window must be longer than zero");
        }
        this.requestsPerWindow = requestsPerWindow;
        this.tokensPerWindow = tokensPerWindow;
        this.windowNanos = window.toNanos();
    }

    /** True when this quota never turns a request away. */
    public boolean isUnlimited() {
        return requestsPerWindow == 0 && tokensPerWindow == 0;
    }

    /** Decides on, and when admitted records, one request arriving at {@code nowNanos}. */
    public synchronized Decision tryAcquire(String key, long nowNanos, long tokens) {
        if (isUnlimited()) {
            return Decision.ADMITTED;
        }
        Deque<Spent> spent = spentByKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        long tokensInWindow = forgetOlderThan(key, spent, nowNanos - windowNanos);
        if (requestsPerWindow > 0 && spent.size() >= requestsPerWindow) {
            // The oldest admitted request in the window must leave it before another fits.
            long oldest = spent.peekFirst().atNanos();
            return new Decision(false, Duration.ofNanos(oldest + windowNanos - nowNanos), Limit.REQUESTS);
        }
        if (tokensPerWindow > 0 && tokensInWindow + tokens > tokensPerWindow) {
            return new Decision(false, untilTokensFit(spent, tokensInWindow, tokens, nowNanos), Limit.TOKENS);
        }
        spent.addLast(new Spent(nowNanos, tokens));
        tokensByKey.merge(key, tokens, Long::sum);
        return Decision.ADMITTED;
    }

    /**
     * How much room {@code key}'s request limit has at {@code nowNanos}, for rate-limit headers.
     *
     * @param remaining    requests that would still be admitted now; {@code Integer.MAX_VALUE} with no request limit
     * @param untilNextSlot zero while {@code remaining} is above 0, else how long until the oldest
     *                     admitted request leaves the window
     */
    public record Headroom(int remaining, Duration untilNextSlot) {
    }

    /** The room left for {@code key}'s requests at {@code nowNanos}; records nothing. */
    public synchronized Headroom headroom(String key, long nowNanos) {
        if (requestsPerWindow == 0) {
            return new Headroom(Integer.MAX_VALUE, Duration.ZERO);
        }
        Deque<Spent> spent = spentByKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        forgetOlderThan(key, spent, nowNanos - windowNanos);
        int remaining = Math.max(0, requestsPerWindow - spent.size());
        Duration wait = remaining > 0 || spent.isEmpty()
                ? Duration.ZERO : Duration.ofNanos(spent.peekFirst().atNanos() + windowNanos - nowNanos);
        return new Headroom(remaining, wait);
    }

    /** Forgets everything admitted so far, as if a fresh window began now. */
    public synchronized void reset() {
        spentByKey.clear();
        tokensByKey.clear();
    }

    private long forgetOlderThan(String key, Deque<Spent> spent, long cutoffNanos) {
        long tokens = tokensByKey.getOrDefault(key, 0L);
        while (!spent.isEmpty() && spent.peekFirst().atNanos() <= cutoffNanos) {
            tokens -= spent.pollFirst().tokens();
        }
        tokensByKey.put(key, tokens);
        return tokens;
    }

    private Duration untilTokensFit(Deque<Spent> spent, long tokensInWindow, long tokens, long nowNanos) {
        if (tokens > tokensPerWindow) {
            return Duration.ofNanos(windowNanos); // never fits; say "a whole window" like the real API does
        }
        long remaining = tokensInWindow;
        for (Spent s : spent) {
            remaining -= s.tokens();
            if (remaining + tokens <= tokensPerWindow) {
                return Duration.ofNanos(s.atNanos() + windowNanos - nowNanos);
            }
        }
        return Duration.ofNanos(windowNanos);
    }
}
