package ai.asyncjava.kit.viz;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A Gantt chart: one row per thing (a request, an item, a worker), one bar per span of
 * time, coloured by category. Rows are drawn top-down in the order they first appear.
 * <pre>{@code
 * Timeline.titled("Sequential calls")
 *         .bar("call 1", 0, 480, "generate")
 *         .bar("call 2", 480, 950, "generate")
 *         .image()
 * }</pre>
 */
public final class Timeline {

    private record Bar(String row, double startMs, double endMs, String category) {}

    private final String title;
    private String xAxisTitle = "ms since the start";
    private final List<Bar> bars = new ArrayList<>();

    private Timeline(String title) {
        this.title = title;
    }

    /** An empty timeline with this title. */
    public static Timeline titled(String title) {
        return new Timeline(title);
    }

    /** Names the time axis (the default is "ms since the start"). */
    public Timeline xAxisTitle(String newTitle) {
        this.xAxisTitle = newTitle;
        return this;
    }

    /**
     * Adds a bar on {@code row} from {@code startMs} to {@code endMs}. A bar whose times are
     * not numbers (a request that never ended) is left out, so a partial log still draws.
     */
    public Timeline bar(String row, double startMs, double endMs, String category) {
        if (endMs < startMs) {
            throw new IllegalArgumentException("bar \"" + row + "\" ends (" + endMs + " ms) before it starts ("
                    + startMs + " ms)");
        }
        if (Double.isFinite(startMs) && Double.isFinite(endMs)) {
            bars.add(new Bar(row, startMs, endMs, category));
        }
        return this;
    }

    /** How many bars were added and drawn. */
    public int size() {
        return bars.size();
    }

    /** The chart, for changes of your own before {@link Charts#image}. */
    public XYChart chart() {
        if (bars.isEmpty()) {
            throw new IllegalStateException("\"" + title + "\" has nothing to draw: no bar was added (did anything run?)");
        }
        XYChart chart = Charts.lines(title, xAxisTitle, "");
        List<String> rows = bars.stream().map(Bar::row).distinct().toList();
        Map<String, List<Bar>> byCategory = new LinkedHashMap<>();
        bars.forEach(bar -> byCategory.computeIfAbsent(bar.category(), c -> new ArrayList<>()).add(bar));

        double span = bars.stream().mapToDouble(Bar::endMs).max().orElse(1)
                - bars.stream().mapToDouble(Bar::startMs).min().orElse(0);
        // A bar too short to see (a refused request) still gets a sliver of width.
        double shortest = Math.max(span, 1) / 300;
        float thickness = (float) Math.max(1.5, Math.min(18, 0.6 * (Charts.HEIGHT - 110) / Math.max(1, rows.size())));

        for (Map.Entry<String, List<Bar>> category : byCategory.entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Bar bar : category.getValue()) {
                double y = rows.size() - 1 - rows.indexOf(bar.row());
                xs.add(bar.startMs());
                ys.add(y);
                xs.add(Math.max(bar.endMs(), bar.startMs() + shortest));
                ys.add(y);
                // A null y breaks the line, so each bar is a segment of its own.
                xs.add(bar.endMs());
                ys.add(null);
            }
            XYSeries series = chart.addSeries(category.getKey(), xs, ys);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            series.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            series.setLineStyle(new BasicStroke(thickness, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        }
        chart.getStyler().setYAxisMin(-0.7).setYAxisMax(rows.size() - 0.3);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        chart.setCustomYAxisTickLabelsFormatter(y -> rowLabel(rows, y));
        return chart;
    }

    /**
     * The chart as an image: leave it as a cell's last expression. With no bars it is a
     * one-line notice saying so (while an exercise is a skeleton, nothing may have run).
     */
    public BufferedImage image() {
        if (bars.isEmpty()) {
            return Charts.notice(title + ": nothing to draw yet, nothing ran");
        }
        return Charts.image(chart());
    }

    private static String rowLabel(List<String> rows, double y) {
        long index = Math.round(y);
        if (Math.abs(y - index) > 1e-6 || index < 0 || index >= rows.size()) {
            // XChart drops every label when two are equal, so a tick between rows gets an
            // invisible label of its own: a run of zero-width spaces as long as its position.
            return "\u200B".repeat(Math.max(1, (int) Math.round((y + 2) * 8)));
        }
        return rows.get(rows.size() - 1 - (int) index);
    }
}
