package ai.asyncjava.kit.exercises.ch04;

import ai.asyncjava.kit.viz.Charts;
import ai.asyncjava.kit.viz.Timeline;
import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chapter 04's charts of what a batcher did, drawn from a {@link BatchTrace}. Each returns an
 * image: leave it as a cell's last expression. A trace with nothing in it (a batcher that sent
 * nothing yet) gives a chart that says so instead of failing.
 */
public final class BatchCharts {

    private static final String TIME_AXIS = "ms since the first item arrived";

    private BatchCharts() {
    }

    /** One stick per batch sent: when it went out and how many items it held, against the batch size. */
    public static BufferedImage batchSizes(BatchTrace<?> trace) {
        XYChart chart = Charts.lines("Batch sizes over time", TIME_AXIS, "items in the batch");
        if (trace.batches().isEmpty()) {
            return nothingYet(chart, "no batch was sent");
        }
        for (BatchTrace.Kind kind : BatchTrace.Kind.values()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (BatchTrace.Batch<?> batch : trace.batches()) {
                if (batch.kind() == kind) {
                    // A stick from 0 up to the batch size; a null y ends it.
                    xs.addAll(List.of(batch.sentMs(), batch.sentMs(), batch.sentMs()));
                    ys.add(0.0);
                    ys.add((double) batch.size());
                    ys.add(null);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries series = chart.addSeries(kind.label(), xs, ys);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setLineStyle(new BasicStroke(2.5f));
            }
        }
        double end = trace.batches().getLast().sentMs();
        limitLine(chart, "batch size " + trace.batchSize(), 0, end, trace.batchSize());
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(trace.batchSize() * 1.15 + 0.5);
        return Charts.image(chart);
    }

    /** One dot per item: when it arrived and how long it waited in the batcher, against the timeout. */
    public static BufferedImage waits(BatchTrace<?> trace, Duration timeout) {
        return waits(trace, timeout, "How long each item waited");
    }

    /** {@link #waits(BatchTrace, Duration)} with a title of your own. */
    public static BufferedImage waits(BatchTrace<?> trace, Duration timeout, String title) {
        XYChart chart = Charts.lines(title, TIME_AXIS, "wait in the batcher (ms)");
        List<? extends BatchTrace.Arrival<?>> sent = trace.arrivals().stream().filter(BatchTrace.Arrival::sent).toList();
        if (sent.isEmpty()) {
            return nothingYet(chart, "no item was sent");
        }
        for (BatchTrace.Kind kind : BatchTrace.Kind.values()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (BatchTrace.Arrival<?> item : sent) {
                if (trace.batches().get(item.batch() - 1).kind() == kind) {
                    xs.add(item.arrivedMs());
                    ys.add(item.waitMs());
                }
            }
            if (!xs.isEmpty()) {
                XYSeries series = chart.addSeries("in a " + kind.label(), xs, ys);
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
        }
        double end = sent.stream().mapToDouble(BatchTrace.Arrival::sentMs).max().orElse(1);
        limitLine(chart, "timeout " + timeout.toMillis() + " ms", 0, end, timeout.toMillis());
        chart.getStyler().setYAxisMin(0.0);
        return Charts.image(chart);
    }

    /** A Gantt of the first {@code items} items: a bar from arrival to the moment its batch was sent. */
    public static BufferedImage timeline(BatchTrace<?> trace, int items) {
        Timeline timeline = Timeline.titled("Each item, from arrival until its batch was sent").xAxisTitle(TIME_AXIS);
        for (BatchTrace.Arrival<?> item : trace.arrivals().subList(0, Math.min(items, trace.arrivals().size()))) {
            if (item.sent()) {
                timeline.bar(String.valueOf(item.item()), item.arrivedMs(), item.sentMs(),
                        trace.batches().get(item.batch() - 1).kind().label());
            }
        }
        if (timeline.size() == 0) {
            return nothingYet(Charts.lines("Each item, from arrival until its batch was sent", TIME_AXIS, ""),
                    "no item was sent");
        }
        return timeline.image();
    }

    /**
     * The price of each setting: API calls per 100 items across, the median item wait up; one
     * line per timeout, one point per batch size (bigger batches further left).
     */
    public static BufferedImage tradeOff(List<BatchStats> runs) {
        XYChart chart = Charts.lines("Fewer calls, longer waits: one point per batch size",
                "API calls per 100 items", "median item wait (ms)");
        if (runs.isEmpty()) {
            return nothingYet(chart, "no runs");
        }
        Map<Duration, List<BatchStats>> byTimeout = new TreeMap<>();
        runs.forEach(run -> byTimeout.computeIfAbsent(run.timeout(), t -> new ArrayList<>()).add(run));
        for (Map.Entry<Duration, List<BatchStats>> line : byTimeout.entrySet()) {
            List<BatchStats> points = line.getValue().stream()
                    .filter(run -> Double.isFinite(run.callsPer100()) && Double.isFinite(run.p50WaitMs()))
                    .sorted(Comparator.comparingDouble(BatchStats::callsPer100)).toList();
            if (!points.isEmpty()) {
                XYSeries series = chart.addSeries("timeout " + line.getKey().toMillis() + " ms",
                        points.stream().map(BatchStats::callsPer100).toList(),
                        points.stream().map(BatchStats::p50WaitMs).toList());
                series.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            return nothingYet(chart, "no item was sent");
        }
        chart.getStyler().setYAxisMin(0.0).setXAxisMin(0.0);
        return Charts.image(chart);
    }

    private static void limitLine(XYChart chart, String name, double from, double to, double y) {
        XYSeries line = chart.addSeries(name, new double[] {from, Math.max(to, from + 1)}, new double[] {y, y});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(java.awt.Color.GRAY);
        line.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    /** A chart that says there is nothing to draw, rather than an exception in the notebook. */
    private static BufferedImage nothingYet(XYChart chart, String what) {
        chart.setTitle(chart.getTitle() + " (nothing to draw: " + what + ")");
        XYSeries none = chart.addSeries(what, new double[] {0}, new double[] {0});
        none.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setLegendVisible(false);
        return Charts.image(chart);
    }
}
