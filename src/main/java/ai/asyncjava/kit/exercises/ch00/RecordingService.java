package ai.asyncjava.kit.exercises.ch00;

import ai.asyncjava.kit.threads.CallingThreads;
import ai.asyncjava.kit.viz.Charts;
import ai.asyncjava.kit.viz.Timeline;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A fake slow service to try chapter 00's exercises on; the hidden checks use it too. It
 * answers every request after a delay chosen per request, fails the requests it was told to
 * fail, and records each call from its own side: when it started and ended, how it ended, and
 * how many calls were in flight at once. Measuring here, not with a stopwatch around the code
 * that calls it, keeps the numbers exact on a slow or busy machine.
 *
 * <pre>{@code
 * RecordingService service = new RecordingService(Duration.ofMillis(200));
 * ... your code calls service.call(request) ...
 * service.calls();        // one Call per call: request, start and end (ms), outcome
 * service.mostInFlight(); // the most calls that were running at the same time
 * service.timeline("My calls") // a chart of them: leave it as a cell's last expression
 * }</pre>
 */
public final class RecordingService implements SlowService {

    /** What a failing call throws, so that a caller (or a check) can recognise it. */
    public static final class ServiceFailure extends Exception {
        public ServiceFailure(String request) {
            super("the service failed on request \"" + request + "\"");
        }
    }

    /** How a call ended, or that it has not ended yet. */
    public enum Outcome {
        RUNNING, ANSWERED, FAILED, INTERRUPTED;

        /** "answered", "failed", ...: the word a chart legend shows. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The same outcome has the same colour in every chart. */
        Color color() {
            return switch (this) {
                case ANSWERED -> Charts.color(0);
                case RUNNING -> Charts.color(1);
                case INTERRUPTED -> Charts.color(3);
                case FAILED -> Charts.color(7);
            };
        }
    }

    /**
     * One call as the service saw it, with times in milliseconds since the service was made;
     * {@code endMs} is {@code NaN} while the call is still running.
     */
    public record Call(String request, double startMs, double endMs, Outcome outcome) {

        public boolean ended() {
            return outcome != Outcome.RUNNING;
        }

        /** How long the call ran, in milliseconds; {@code NaN} while it runs. */
        public double durationMs() {
            return endMs - startMs;
        }
    }

    private final Function<String, Duration> delayOf;
    private final Set<String> failingRequests;
    private final long createdNanos = System.nanoTime();
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    /** A service that takes {@code delayOf(request)} to answer and fails the {@code failingRequests}. */
    public RecordingService(Function<String, Duration> delayOf, Set<String> failingRequests) {
        this.delayOf = delayOf;
        this.failingRequests = Set.copyOf(failingRequests);
    }

    /** A service that answers every request after {@code delay}. */
    public RecordingService(Duration delay) {
        this(request -> delay, Set.of());
    }

    /** The answer this service gives to {@code request}. */
    public static String answerTo(String request) {
        return "answer to " + request;
    }

    @Override
    public String call(String request) throws Exception {
        // First thing: lets the checks find (and stop) the thread the learner called us on.
        CallingThreads.noteCurrentThread();
        int index = begin(request);
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Outcome outcome = Outcome.FAILED;
        try {
            Thread.sleep(delayOf.apply(request));
            if (failingRequests.contains(request)) {
                throw new ServiceFailure(request);
            }
            outcome = Outcome.ANSWERED;
            return answerTo(request);
        } catch (InterruptedException interrupted) {
            outcome = Outcome.INTERRUPTED;
            throw interrupted;
        } finally {
            end(index, outcome);
            inFlight.decrementAndGet();
        }
    }

    /** Every call so far, in the order they started. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * Every call so far, after waiting up to {@code grace} for the calls still running to end
     * (a call that was just interrupted needs a moment to finish).
     */
    public List<Call> callsOnceEnded(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return calls();
    }

    /**
     * A chart of the calls so far: one row per request, one bar per call from its start to
     * its end (or to now, while it runs), coloured by how it ended; time counts from the first
     * call. With no calls yet it is a small image that says so, so a notebook cell still shows
     * something while its exercise is not written.
     */
    public BufferedImage timeline(String title) {
        List<Call> calls = calls();
        if (calls.isEmpty()) {
            return Charts.notice(title + ": no calls were made");
        }
        double origin = calls.stream().mapToDouble(Call::startMs).min().orElse(0);
        double now = nowMs();
        Timeline timeline = Timeline.titled(title).xAxisTitle("ms since the first call");
        for (Call call : calls) {
            double end = call.ended() ? call.endMs() : now;
            timeline.bar(call.request(), call.startMs() - origin, end - origin, call.outcome().label());
        }
        XYChart chart = timeline.chart();
        for (Outcome outcome : Outcome.values()) {
            XYSeries series = chart.getSeriesMap().get(outcome.label());
            if (series != null) {
                series.setLineColor(outcome.color());
            }
        }
        return Charts.image(chart);
    }

    /** The calls made for {@code request}, in the order they started. */
    public List<Call> callsFor(String request) {
        return calls().stream().filter(call -> call.request().equals(request)).toList();
    }

    /** How many times the service was called. */
    public synchronized int callCount() {
        return calls.size();
    }

    /** How many calls are running now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most calls that were running at the same time. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    /** Milliseconds since this service was made, on the clock its calls are recorded with. */
    public double nowMs() {
        return millisAt(System.nanoTime());
    }

    /** A {@link System#nanoTime()} reading on the clock the calls are recorded with. */
    public double millisAt(long nanoTime) {
        return (nanoTime - createdNanos) / 1e6;
    }

    private synchronized int begin(String request) {
        calls.add(new Call(request, nowMs(), Double.NaN, Outcome.RUNNING));
        return calls.size() - 1;
    }

    private synchronized void end(int index, Outcome outcome) {
        Call started = calls.get(index);
        calls.set(index, new Call(started.request(), started.startMs(), nowMs(), outcome));
    }
}
