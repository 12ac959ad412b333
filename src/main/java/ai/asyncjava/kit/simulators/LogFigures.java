package ai.asyncjava.kit.simulators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Figures checks read off a request log: the peak concurrency and the busiest window.
 * Static so checks can apply them to any list of rows, e.g. one model's, and of any row type
 * (the Gemini log's {@link LoggedRequest}, the shop's requests) through the generic forms.
 */
public final class LogFigures {

    private LogFigures() {
    }

    /** The most requests in flight at one moment; a request still open counts until now. */
    public static int peakInFlight(List<LoggedRequest> rows) {
        return peakInFlight(rows, LoggedRequest::arrivalMs, LoggedRequest::endMs);
    }

    /**
     * The most rows in flight at one moment, for rows of any type: {@code arrival} and {@code end}
     * read a row's times in ms; an end of {@code NaN} (still open) counts until now.
     */
    public static <R> int peakInFlight(List<R> rows, ToDoubleFunction<R> arrival, ToDoubleFunction<R> end) {
        List<double[]> events = new ArrayList<>(); // {time, +1 arrival | -1 end}
        for (R r : rows) {
            events.add(new double[] {arrival.applyAsDouble(r), +1});
            double endMs = end.applyAsDouble(r);
            if (!Double.isNaN(endMs)) {
                events.add(new double[] {endMs, -1});
            }
        }
        // At equal times an end comes first: a request that ends as another arrives did not overlap it.
        events.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        int now = 0;
        int peak = 0;
        for (double[] event : events) {
            now += (int) event[1];
            peak = Math.max(peak, now);
        }
        return peak;
    }

    /**
     * The most rows matching {@code which} whose arrivals fall within any stretch of length
     * {@code window} (two arrivals exactly {@code window} apart are in different stretches).
     */
    public static int maxInWindow(List<LoggedRequest> rows, Duration window, Predicate<LoggedRequest> which) {
        return maxArrivalsInWindow(rows.stream().filter(which).toList(), window, LoggedRequest::arrivalMs);
    }

    /**
     * The most rows, of any type, whose arrivals ({@code arrival}, in ms) fall within any stretch
     * of length {@code window} (two arrivals exactly {@code window} apart are in different stretches).
     */
    public static <R> int maxArrivalsInWindow(List<R> rows, Duration window, ToDoubleFunction<R> arrival) {
        double[] arrivals = rows.stream().mapToDouble(arrival).toArray();
        Arrays.sort(arrivals);
        double windowMs = Durations.toMillis(window);
        int best = 0;
        int first = 0;
        for (int last = 0; last < arrivals.length; last++) {
            while (arrivals[last] - arrivals[first] >= windowMs) {
                first++;
            }
            best = Math.max(best, last - first + 1);
        }
        return best;
    }
}
