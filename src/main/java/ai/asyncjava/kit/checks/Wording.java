package ai.asyncjava.kit.checks;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How every check's message says counts, durations and exceptions, so that all chapters speak
 * alike: "3 threads", "250 ms", "1.5 s", "IllegalStateException: queue full (thrown at
 * MyPipeline.run (line 12))".
 */
public final class Wording {

    private Wording() {}

    /** "1 thread", "3 threads", "2 batches": a count and its noun, plural when it must be. */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : plural(noun));
    }

    private static String plural(String noun) {
        boolean sibilant = noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh");
        return noun + (sibilant ? "es" : "s");
    }

    /** "1st", "2nd", "3rd", "11th", "22nd". */
    public static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** The text with its first letter in upper case, to begin a sentence with. */
    public static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "250 ms" below a second, "1.5 s" from a second on. */
    public static String duration(Duration duration) {
        return millis(duration.toNanos() / 1e6);
    }

    /** {@link #duration} for a number of nanoseconds ({@code System.nanoTime()} differences). */
    public static String nanos(long nanos) {
        return millis(nanos / 1e6);
    }

    /** {@link #duration} for a number of milliseconds. */
    public static String millis(double millis) {
        return Math.abs(millis) >= 1000
                ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
                : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    /** "2.5 s", always in seconds: for time limits. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** A string in quotes, or null. */
    public static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** {@code text}, cut to at most {@code most} characters with "..." at the end when longer; "null" for null. */
    public static String shortened(String text, int most) {
        return text == null ? "null" : text.length() <= most ? text : text.substring(0, most - 3) + "...";
    }

    /** "IllegalStateException: queue full", or just the name when there is no message. */
    public static String exception(Throwable thrown) {
        String name = thrown.getClass().getSimpleName();
        return thrown.getMessage() == null ? name : name + ": " + thrown.getMessage();
    }

    /**
     * "ExecutionException, caused by ServerException: 503 ...": an exception and its causes. A
     * wrapper's message repeats its cause's, so only its name is given.
     */
    public static String exceptionChain(Throwable thrown) {
        StringBuilder text = new StringBuilder(isWrapper(thrown) ? thrown.getClass().getSimpleName() : exception(thrown));
        for (Throwable cause = thrown.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(", caused by ").append(isWrapper(cause) ? cause.getClass().getSimpleName() : exception(cause));
        }
        return text.toString();
    }

    /**
     * "ServerException: 503 ... (thrown at QueuePipeline.generate (line 80))": what the learner's
     * code threw, unwrapped from an {@code ExecutionException} or {@code CompletionException}, and
     * where in the learner's code it came from.
     */
    public static String thrownAt(Throwable thrown) {
        Throwable root = unwrapped(thrown);
        String where = LearnerFrames.innermost(root.getStackTrace()).map(frame -> " (thrown at " + frame + ")").orElse("");
        return exception(root) + where;
    }

    /** The exception inside any {@code ExecutionException}s and {@code CompletionException}s. */
    public static Throwable unwrapped(Throwable thrown) {
        Throwable root = thrown;
        while (isWrapper(root) && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** Whether {@code thrown} is, or was caused by, an exception of {@code type}. */
    public static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWrapper(Throwable t) {
        return t instanceof ExecutionException || t instanceof CompletionException;
    }
}
