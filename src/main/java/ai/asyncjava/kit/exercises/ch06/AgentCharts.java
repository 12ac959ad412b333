package ai.asyncjava.kit.exercises.ch06;

import ai.asyncjava.kit.simulators.gemini.StreamedChunk;
import ai.asyncjava.kit.viz.Charts;
import ai.asyncjava.kit.viz.Timeline;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;

/**
 * Chapter 06's chart: an agent's run as a timeline. One row per model reply, from its first to its
 * last chunk, with a short mark for each chunk that carried a function call; one row per search,
 * from its start to its end. Leave it as a cell's last expression.
 */
public final class AgentCharts {

    private AgentCharts() {
    }

    /**
     * @param chunks   the Gemini simulator's stream log ({@code simulator.streamLog()}), reset before the run
     * @param searches the searches of the same run ({@link TimedSearch#calls()})
     */
    public static BufferedImage timeline(String title, List<StreamedChunk> chunks, List<TimedSearch.Call> searches) {
        Objects.requireNonNull(chunks, "timeline needs the stream log, e.g. simulator.streamLog()");
        Objects.requireNonNull(searches, "timeline needs the searches, e.g. timedSearch.calls()");
        if (chunks.isEmpty()) {
            return Charts.notice(title + ": no streamed reply to draw (the real API keeps no stream log)");
        }
        long origin = Math.min(chunks.getFirst().sentNanos(),
                searches.stream().mapToLong(TimedSearch.Call::startNanos).min().orElse(Long.MAX_VALUE));
        Timeline timeline = Timeline.titled(title).xAxisTitle("ms since the first chunk");
        String reply = null;
        int replies = 0;
        double replyStart = 0;
        for (int i = 0; i < chunks.size(); i++) {
            StreamedChunk chunk = chunks.get(i);
            double at = ms(chunk.sentNanos(), origin);
            if (!chunk.responseId().equals(reply)) {
                reply = chunk.responseId();
                replies++;
                replyStart = at;
            }
            boolean lastOfReply = i == chunks.size() - 1 || !chunks.get(i + 1).responseId().equals(reply);
            if (lastOfReply) {
                timeline.bar("reply " + replies, replyStart, Math.max(at, replyStart + 1), "model reply streaming");
            }
            if (!chunk.callIds().isEmpty()) {
                timeline.bar("reply " + replies, at, at + 6, "a function call arrives");
            }
        }
        int n = 0;
        for (TimedSearch.Call search : searches) {
            n++;
            timeline.bar("search " + n, ms(search.startNanos(), origin), ms(search.endNanos(), origin),
                    search.failed() ? "search failed" : "search");
        }
        XYChart chart = timeline.chart();
        chart.getStyler().setXAxisMin(0.0);
        return Charts.image(chart);
    }

    private static double ms(long nanos, long origin) {
        return (nanos - origin) / 1e6;
    }
}
