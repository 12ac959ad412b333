package ai.asyncjava.kit.simulators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Figures checks read off a request log: the peak concurrency and the busiest window.
 * Static so checks can apply them to any list of rows, e.g. one model's.
 */
public final class LogFigures {

    private LogFigures() {
    }

    /** The most requests in flight at one moment; a request still open counts until now. */
    public static int peakInFlight(List<LoggedRequest> rows) {
        List<double[]> events = new ArrayList<>(); // {time, +1 arrival | -1 end}
        for (LoggedRequest r : rows) {
            events.add(new double[] {r.arrivalMs(), +1});
            if (!r.inFlight()) {
                events.add(new double[] {r.endMs(), -1});
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
        double[] arrivals = rows.stream().filter(which).mapToDouble(LoggedRequest::arrivalMs).toArray();
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
