package ai.asyncjava.kit.exercises.ch05;

import ai.asyncjava.kit.simulators.shop.ShopRequest;
import ai.asyncjava.kit.viz.Charts;
import ai.asyncjava.kit.viz.Timeline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chapter 05's charts, drawn from the shop site's request log and from crawl timings. Each returns
 * an image: leave it as a cell's last expression. With nothing to draw a chart says so instead of
 * failing.
 */
public final class CrawlCharts {

    private static final String PAGE = "page";
    private static final String REDIRECT = "redirect";
    private static final String ERROR = "error or cut off";
    private static final String ROBOTS = "robots.txt";
    private static final String TOO_MANY = "429 too many requests";

    /** The same outcome has the same colour in every chart of the chapter (and a 429 that of chapter 02's). */
    private static final Map<String, Color> OUTCOME_COLOURS = Map.of(PAGE, Charts.color(0), REDIRECT, Charts.color(1),
            ERROR, Charts.color(7), ROBOTS, Charts.color(2), TOO_MANY, Charts.color(3));

    private CrawlCharts() {
    }

    /**
     * One bar per request, from its arrival at the site to its answer, in arrival order, coloured by
     * how it ended: a page, a redirect, an error, robots.txt, or a 429.
     */
    public static BufferedImage timeline(String title, List<ShopRequest> requests) {
        Objects.requireNonNull(requests, "timeline needs the site's requests, e.g. site.log().requests()");
        if (requests.isEmpty()) {
            return Charts.notice(title + ": no request to draw (was the log reset after the crawl?)");
        }
        Timeline timeline = Timeline.titled(title).xAxisTitle("ms since the log began");
        for (ShopRequest request : requests) {
            double end = request.inFlight() ? request.arrivalMs() : request.endMs();
            timeline.bar("#" + request.id(), request.arrivalMs(), end, outcome(request));
        }
        XYChart chart = timeline.chart();
        chart.getStyler().setXAxisMin(0.0);
        Charts.colourSeries(chart, OUTCOME_COLOURS);
        return Charts.image(chart);
    }

    /**
     * Crawl time against the number of workers, with the bound a perfect crawler meets: every page
     * once, {@code workers} at a time, {@code pages × latency ÷ workers}.
     *
     * @param times   how long each crawl took, by its number of workers
     * @param pages   the pages each crawl fetched
     * @param latency the site's time per page
     */
    public static BufferedImage crawlTimes(Map<Integer, Duration> times, int pages, Duration latency) {
        Objects.requireNonNull(times, "crawlTimes needs the crawl times by number of workers");
        XYChart chart = Charts.lines("Crawl time by number of workers", "workers", "crawl time (ms)");
        if (times.isEmpty()) {
            return Charts.notice("Crawl time by number of workers: no crawl to draw");
        }
        List<Integer> workers = times.keySet().stream().sorted().toList();
        XYSeries measured = chart.addSeries("measured", workers,
                workers.stream().map(w -> times.get(w).toNanos() / 1e6).toList());
        measured.setMarker(SeriesMarkers.CIRCLE);
        XYSeries bound = chart.addSeries("bound: " + pages + " pages × " + latency.toMillis() + " ms ÷ workers", workers,
                workers.stream().map(w -> (double) pages * latency.toNanos() / 1e6 / w).toList());
        bound.setMarker(SeriesMarkers.NONE);
        bound.setLineColor(Color.GRAY);
        bound.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        chart.getStyler().setYAxisMin(0.0);
        return Charts.image(chart);
    }

    private static String outcome(ShopRequest request) {
        if (request.robots()) {
            return ROBOTS;
        }
        int status = request.status();
        if (status == 429) {
            return TOO_MANY;
        }
        if (status >= 300 && status < 400) {
            return REDIRECT;
        }
        if (status >= 400 || status == 0) {
            return ERROR;
        }
        return PAGE;
    }
}
