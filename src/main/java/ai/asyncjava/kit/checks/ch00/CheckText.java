package ai.asyncjava.kit.checks.ch00;

import java.time.Duration;
import java.util.Locale;

/** How chapter 00's check messages print durations, values and exceptions. */
final class CheckText {

    private CheckText() {}

    /** "1.5 s", "250 ms": a duration the way the messages print it. */
    static String readable(double millis) {
        return millis >= 1000
                ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
                : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static String readable(Duration duration) {
        return readable((double) duration.toMillis());
    }

    /** Whether {@code thrown} is, or was caused by, an exception of {@code type}. */
    static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** "TimeoutException (the call took too long)": an exception the way the messages name it. */
    static String describe(Throwable thrown) {
        String name = thrown.getClass().getSimpleName();
        return thrown.getMessage() == null ? name : name + " (" + thrown.getMessage() + ")";
    }

    /** A string in quotes, or null. */
    static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
