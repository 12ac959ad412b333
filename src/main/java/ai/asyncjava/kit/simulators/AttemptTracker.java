package ai.asyncjava.kit.simulators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Tells first tries from retries. Client libraries resend a failed request byte for byte and
 * mark nothing (the google-genai SDK's retry interceptor sends the very same headers and body),
 * so a request is taken as a retry when one with the same fingerprint failed in a retryable way
 * (429, 5xx, dropped) shortly before and is not itself still in flight. Not thread-safe: the
 * {@link RequestLog} calls it under its lock.
 */
final class AttemptTracker {

    /** Longer than the SDK's largest back-off (60 s), so its slowest retry still links up. */
    private static final long HORIZON_NANOS = 120_000_000_000L;

    /** One logical request and how its latest attempt went. */
    static final class Chain {
        final int request;
        int attempts;
        boolean inFlight = true;
        boolean lastFailedRetryably;
        long lastEndNanos;

        Chain(int request) {
            this.request = request;
            this.attempts = 1;
        }
    }

    private final Map<Long, List<Chain>> chainsByFingerprint = new HashMap<>();
    private int requests;

    /** The chain this arrival continues, or a new one; marks it in flight. */
    Chain arrive(long fingerprint, long nowNanos) {
        List<Chain> chains = chainsByFingerprint.computeIfAbsent(fingerprint, f -> new ArrayList<>());
        Chain earliest = null;
        for (Iterator<Chain> it = chains.iterator(); it.hasNext(); ) {
            Chain chain = it.next();
            if (!chain.inFlight && nowNanos - chain.lastEndNanos > HORIZON_NANOS) {
                it.remove(); // too old to be retried now; keeps the map small
            } else if (!chain.inFlight && chain.lastFailedRetryably
                    && (earliest == null || chain.lastEndNanos < earliest.lastEndNanos)) {
                earliest = chain;
            }
        }
        if (earliest != null) {
            earliest.attempts++;
            earliest.inFlight = true;
            return earliest;
        }
        Chain fresh = new Chain(++requests);
        chains.add(fresh);
        return fresh;
    }

    /** Records how an attempt of {@code chain} ended. */
    void finish(Chain chain, int status, long nowNanos) {
        chain.inFlight = false;
        chain.lastEndNanos = nowNanos;
        chain.lastFailedRetryably = status == 0 || status == 408 || status == 429 || status >= 500;
    }

    void clear() {
        chainsByFingerprint.clear();
        requests = 0;
    }
}
