package ai.asyncjava.kit.simulators;

import java.time.Duration;
import java.util.Locale;

/** Reads and writes short durations such as {@code 800ms}, {@code 1.5s} or {@code 2m}, for flags and messages. */
public final class Durations {

    private Durations() {
    }

    /**
     * Parses {@code 250ms}, {@code 1.5s}, {@code 2m} or a bare number of milliseconds.
     *
     * @throws IllegalArgumentException when the text is not such a duration
     */
    public static Duration parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return fromMillis(Double.parseDouble(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                return fromMillis(1000 * Double.parseDouble(s.substring(0, s.length() - 1)));
            }
            if (s.endsWith("m")) {
                return fromMillis(60_000 * Double.parseDouble(s.substring(0, s.length() - 1)));
            }
            return fromMillis(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write it like 800ms, 1.5s or 2m", e);
        }
    }

    /** A duration of a (possibly fractional, never negative) number of milliseconds. */
    public static Duration fromMillis(double millis) {
        if (millis < 0 || Double.isNaN(millis)) {
            throw new IllegalArgumentException("a duration cannot be negative: " + millis + " ms");
        }
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /** Milliseconds with their fraction, the unit the request logs and charts use. */
    public static double toMillis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    /** Milliseconds rounded to a tenth, for tables people read: 104.41213699999997 -> 104.4; NaN stays NaN. */
    public static double tenthsOfMs(double ms) {
        return Double.isNaN(ms) ? ms : Math.round(ms * 10) / 10.0;
    }

    /** Seconds as protobuf's JSON form of a Duration writes them: {@code "2s"}, {@code "0.250s"}. */
    public static String protoSeconds(Duration duration) {
        long millis = Math.max(0, (duration.toNanos() + 999_999) / 1_000_000); // round up: never too early
        if (millis % 1000 == 0) {
            return (millis / 1000) + "s";
        }
        return String.format(Locale.ROOT, "%d.%03ds", millis / 1000, millis % 1000);
    }

    /** A short human form: {@code 850 ms}, {@code 6 s}, {@code 1.5 s}. */
    public static String human(Duration duration) {
        double millis = toMillis(duration);
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        double seconds = millis / 1000;
        return seconds == Math.rint(seconds)
                ? String.format(Locale.ROOT, "%.0f s", seconds)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
