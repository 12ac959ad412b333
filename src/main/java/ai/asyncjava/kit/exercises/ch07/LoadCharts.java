package ai.asyncjava.kit.exercises.ch07;

import ai.asyncjava.kit.viz.Charts;
import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chapter 07's percentile chart: each series is one measured time per request (a call, the first event, the whole
 * answer), drawn sorted, so that the x axis is the share of requests and a curve's height at 50 % and
 * 99 % is its p50 and p99. Leave the image as a cell's last expression.
 */
public final class LoadCharts {

    private LoadCharts() {
    }

    /**
     * One curve per series, its times sorted; a series whose name ends in "first event" is dashed,
     * so that it pairs with the solid "whole answer" curve of the same run.
     */
    public static BufferedImage percentiles(String title, Map<String, List<Duration>> series) {
        Objects.requireNonNull(series, "percentiles needs the measured times, by series name");
        if (series.values().stream().allMatch(List::isEmpty)) {
            return Charts.notice(title + ": no measurement to draw");
        }
        XYChart chart = Charts.lines(title, "share of requests, fastest first (%)", "ms");
        int run = 0;
        String lastRun = null;
        for (Map.Entry<String, List<Duration>> entry : series.entrySet()) {
            List<Duration> times = entry.getValue();
            if (times.isEmpty()) {
                continue;
            }
            double[] sortedMs = times.stream().mapToDouble(time -> time.toNanos() / 1e6).sorted().toArray();
            double[] share = new double[sortedMs.length];
            for (int i = 0; i < share.length; i++) {
                share[i] = 100.0 * (i + 1) / share.length;
            }
            XYSeries curve = chart.addSeries(entry.getKey(), share, sortedMs);
            curve.setMarker(SeriesMarkers.NONE);
            String runName = entry.getKey().split(":")[0];
            if (lastRun != null && !lastRun.equals(runName)) {
                run++;
            }
            lastRun = runName;
            curve.setLineColor(Charts.color(run));
            if (entry.getKey().endsWith("first event")) {
                curve.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
            }
        }
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(100.0).setYAxisMin(0.0);
        return Charts.image(chart);
    }
}
