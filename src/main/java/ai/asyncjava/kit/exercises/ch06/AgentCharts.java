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
        // The replies first, then the calls' marks, so the marks are drawn over the bars.
        List<String> replyIds = chunks.stream().map(StreamedChunk::responseId).distinct().toList();
        for (String id : replyIds) {
            List<StreamedChunk> reply = chunks.stream().filter(chunk -> chunk.responseId().equals(id)).toList();
            double from = ms(reply.getFirst().sentNanos(), origin);
            double to = ms(reply.getLast().sentNanos(), origin);
            timeline.bar("reply " + (replyIds.indexOf(id) + 1), from, Math.max(to, from + 1), "model reply streaming");
        }
        for (StreamedChunk chunk : chunks) {
            if (!chunk.callIds().isEmpty()) {
                double at = ms(chunk.sentNanos(), origin);
                timeline.bar("reply " + (replyIds.indexOf(chunk.responseId()) + 1), at, at + 8, "a function call arrives");
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
