package ai.asyncjava.kit.simulators.shop;

import ai.asyncjava.kit.simulators.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * How many requests each host of the shop simulator takes per sliding window, counted the moment
 * a request arrives, separately for the shop and the partner host. A request over the quota gets
 * 429 at once, with {@code Retry-After}. Requests for robots.txt count too.
 *
 * @param requestsPerWindow the most requests per window and host; 0 for no limit
 * @param window            the window's length
 */
public record ShopQuota(int requestsPerWindow, Duration window) {

    public ShopQuota {
        Objects.requireNonNull(window, "a quota needs a window");
        if (requestsPerWindow < 0 || !window.isPositive()) {
            throw new IllegalArgumentException("a quota needs a limit of 0 or more and a positive window");
        }
    }

    /** No limit at all. */
    public static ShopQuota unlimited() {
        return new ShopQuota(0, Duration.ofSeconds(1));
    }

    /** At most {@code requests} per {@code window} to each host. */
    public static ShopQuota perWindow(int requests, Duration window) {
        if (requests < 1) {
            throw new IllegalArgumentException("a quota allows at least 1 request per window, not " + requests);
        }
        return new ShopQuota(requests, window);
    }

    /** True when nothing is ever turned away. */
    public boolean isUnlimited() {
        return requestsPerWindow == 0;
    }

    @Override
    public String toString() {
        return isUnlimited() ? "no quota" : requestsPerWindow + " requests per " + Durations.human(window) + " per host";
    }
}
