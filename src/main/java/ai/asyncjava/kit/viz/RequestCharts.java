package ai.asyncjava.kit.viz;

import ai.asyncjava.kit.simulators.LoggedRequest;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of a simulator's request log ({@code simulator.log().requests()}): what the server
 * saw, timed on its own clock, so the picture shows what your code really sent.
 */
public final class RequestCharts {

    /** How a request ended, as the timeline colours it. */
    static final String OK = "answered";
    static final String OK_AFTER_RETRY = "answered on a retry";
    static final String QUOTA = "429 quota exceeded";
    static final String ERROR = "failed";

    private static final Map<String, Color> OUTCOME_COLOURS = Map.of(
            OK, Charts.color(0), OK_AFTER_RETRY, Charts.color(1), QUOTA, Charts.color(3), ERROR, Charts.color(7));

    private RequestCharts() {
    }

    /** One bar per request, from its arrival to its answer, coloured by how it ended. */
    public static BufferedImage timeline(List<LoggedRequest> requests) {
        return timeline("Requests as the server saw them", requests);
    }

    /** {@link #timeline(List)} with a title of your own. */
    public static BufferedImage timeline(String title, List<LoggedRequest> requests) {
        requireList(requests, title);
        if (requests.isEmpty()) {
            return nothingToDraw(title);
        }
        Timeline timeline = Timeline.titled(title);
        for (LoggedRequest request : requests) {
            double end = request.inFlight() ? request.arrivalMs() : request.endMs();
            timeline.bar("#" + request.id(), request.arrivalMs(), end, outcome(request));
        }
        XYChart chart = timeline.chart();
        // Time runs from the log's start: a few bars late in the log still get round ticks from 0,
        // where XChart would label only their own odd end points.
        chart.getStyler().setXAxisMin(0.0);
        // The same outcome has the same colour in every chart of the course.
        Charts.colourSeries(chart, OUTCOME_COLOURS);
        return Charts.image(chart);
    }

    /** A step chart of how many requests were in flight at each moment. */
    public static BufferedImage inFlight(List<LoggedRequest> requests) {
        return inFlight("Requests in flight", requests);
    }

    /** {@link #inFlight(List)} with a title of your own. */
    public static BufferedImage inFlight(String title, List<LoggedRequest> requests) {
        requireList(requests, title);
        if (requests.isEmpty()) {
            return nothingToDraw(title);
        }
        record Change(double atMs, int delta) {}
        List<Change> changes = new ArrayList<>();
        for (LoggedRequest request : requests) {
            changes.add(new Change(request.arrivalMs(), +1));
            if (!request.inFlight()) {
                changes.add(new Change(request.endMs(), -1));
            }
        }
        // Changes at the same instant are summed into one step, so a request answered as another
        // arrives shows as no change rather than a dip to zero.
        changes.sort(Comparator.comparingDouble(Change::atMs));
        List<Double> times = new ArrayList<>(List.of(0.0));
        List<Integer> counts = new ArrayList<>(List.of(0));
        int inFlight = 0;
        for (int i = 0; i < changes.size(); i++) {
            inFlight += changes.get(i).delta();
            boolean lastAtThisTime = i == changes.size() - 1 || changes.get(i + 1).atMs() != changes.get(i).atMs();
            if (lastAtThisTime) {
                times.add(changes.get(i).atMs());
                counts.add(inFlight);
            }
        }
        XYChart chart = Charts.lines(title, "ms since the start", "requests in flight");
        XYSeries series = chart.addSeries("in flight", times, counts);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(new BasicStroke(2f));
        chart.getStyler().setYAxisMin(0.0).setYAxisDecimalPattern("#");
        chart.getStyler().setLegendVisible(false);
        return Charts.image(chart);
    }

    /**
     * Each arrival, placed at how many requests had arrived within the trailing {@code window}
     * (itself included), against the {@code limit}: a point above the line is a request the
     * quota had to refuse.
     */
    public static BufferedImage arrivalsAgainstQuota(List<LoggedRequest> requests, int limit, Duration window) {
        String title = "Arrivals within any " + window.toMillis() + " ms, against the limit of " + limit;
        requireList(requests, title);
        if (requests.isEmpty()) {
            return nothingToDraw(title);
        }
        List<LoggedRequest> byArrival = requests.stream().sorted(Comparator.comparingDouble(LoggedRequest::arrivalMs)).toList();
        double windowMs = window.toMillis();
        List<Double> admittedX = new ArrayList<>();
        List<Integer> admittedY = new ArrayList<>();
        List<Double> refusedX = new ArrayList<>();
        List<Integer> refusedY = new ArrayList<>();
        int oldest = 0;
        for (int i = 0; i < byArrival.size(); i++) {
            double at = byArrival.get(i).arrivalMs();
            while (byArrival.get(oldest).arrivalMs() <= at - windowMs) {
                oldest++;
            }
            int inWindow = i - oldest + 1;
            boolean refused = byArrival.get(i).status() == 429;
            (refused ? refusedX : admittedX).add(at);
            (refused ? refusedY : admittedY).add(inWindow);
        }
        double lastArrival = byArrival.getLast().arrivalMs();
        XYChart chart = Charts.lines(title, "arrival, ms since the start", "arrivals in the trailing window");
        XYSeries limitLine = chart.addSeries("limit", new double[] {0, Math.max(lastArrival, 1)}, new double[] {limit, limit});
        limitLine.setMarker(SeriesMarkers.NONE);
        limitLine.setLineColor(Charts.color(7));
        limitLine.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        scatter(chart, "admitted", admittedX, admittedY, OUTCOME_COLOURS.get(OK));
        scatter(chart, "refused (429)", refusedX, refusedY, OUTCOME_COLOURS.get(QUOTA));
        chart.getStyler().setYAxisMin(0.0).setYAxisDecimalPattern("#");
        return Charts.image(chart);
    }

    static String outcome(LoggedRequest request) {
        if (request.status() == 429) {
            return QUOTA;
        }
        if (request.status() >= 200 && request.status() < 300) {
            return request.isRetry() ? OK_AFTER_RETRY : OK;
        }
        return ERROR;
    }

    private static void scatter(XYChart chart, String name, List<Double> xs, List<Integer> ys, Color colour) {
        if (!xs.isEmpty()) {
            XYSeries series = chart.addSeries(name, xs, ys);
            series.setMarkerColor(colour);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
    }

    private static void requireList(List<LoggedRequest> requests, String chart) {
        if (requests == null) {
            throw new IllegalArgumentException("\"" + chart + "\" needs a list of requests, such as simulator.log().requests(); it got null");
        }
    }

    /** What a chart of no requests shows instead: why there is nothing to draw. */
    private static BufferedImage nothingToDraw(String chart) {
        return Charts.notice(chart + ": no requests reached the simulator (with the real API there is no log)");
    }
}
