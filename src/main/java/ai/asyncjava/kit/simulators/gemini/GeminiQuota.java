package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.Durations;
import java.time.Duration;

/**
 * The simulator's quota, per model: requests (and optionally prompt tokens) per sliding window,
 * checked the moment a request arrives. Generation and embedding calls count; listing models and
 * counting tokens do not.
 *
 * @param requestsPerWindow the most requests per window and model; 0 for no limit
 * @param window            the window: a minute for real, shorter to fast-forward a demo
 * @param tokensPerWindow   the most prompt tokens per window and model; 0 for no limit
 */
public record GeminiQuota(int requestsPerWindow, Duration window, long tokensPerWindow) {

    /** The free tier's window, a minute fast-forwarded ten times. */
    public static final Duration FREE_TIER_WINDOW = Duration.ofSeconds(6);

    public GeminiQuota {
        if (requestsPerWindow < 0 || tokensPerWindow < 0 || !window.isPositive()) {
            throw new IllegalArgumentException("a quota needs limits of 0 or more and a positive window");
        }
    }

    /** No limits at all. */
    public static GeminiQuota unlimited() {
        return new GeminiQuota(0, Duration.ofMinutes(1), 0);
    }

    /** {@code requests} per {@code window} and model. */
    public static GeminiQuota perWindow(int requests, Duration window) {
        return new GeminiQuota(requests, window, 0);
    }

    /** Like the free tier: 10 requests per model per window, the minute fast-forwarded to {@link #FREE_TIER_WINDOW}. */
    public static GeminiQuota freeTier() {
        return perWindow(10, FREE_TIER_WINDOW);
    }

    /** The same quota with a token limit as well. */
    public GeminiQuota withTokensPerWindow(long tokens) {
        return new GeminiQuota(requestsPerWindow, window, tokens);
    }

    /** The same limits over another window. */
    public GeminiQuota withWindow(Duration newWindow) {
        return new GeminiQuota(requestsPerWindow, newWindow, tokensPerWindow);
    }

    /** True when nothing is ever turned away. */
    public boolean isUnlimited() {
        return requestsPerWindow == 0 && tokensPerWindow == 0;
    }

    @Override
    public String toString() {
        if (isUnlimited()) {
            return "no quota";
        }
        String per = " per " + Durations.human(window) + " per model";
        String requests = requestsPerWindow > 0 ? requestsPerWindow + " requests" : "";
        String tokens = tokensPerWindow > 0 ? tokensPerWindow + " tokens" : "";
        return (requests.isEmpty() || tokens.isEmpty() ? requests + tokens : requests + " and " + tokens) + per;
    }
}
