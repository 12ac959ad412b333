package ai.asyncjava.kit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.LoggedRequest;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartsTest {

    /** Set -Dviz.out=DIR to keep the images and look at them. */
    private static void keep(String name, BufferedImage image) throws IOException {
        String dir = System.getProperty("viz.out");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(image, "png", Path.of(dir, name + ".png").toFile());
        }
    }

    private static LoggedRequest request(int id, double arrival, double end, int status, int attempt) {
        return new LoggedRequest(id, id, attempt, "gemini-2.5-flash", "generateContent", arrival,
                status == 429 ? Double.NaN : arrival, end, status, 1, 0, Double.NaN, status != 429, "none");
    }

    private static List<LoggedRequest> fiveAtATime() {
        List<LoggedRequest> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double start = 500.0 * (i / 5);
            rows.add(request(i + 1, start, start + 500, i == 7 ? 429 : 200, i == 12 ? 2 : 1));
        }
        return rows;
    }

    private static int pixelsOf(BufferedImage image, Color colour) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if (image.getRGB(x, y) == colour.getRGB()) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void timelineDrawsOneColourPerOutcome() throws IOException {
        BufferedImage image = RequestCharts.timeline(fiveAtATime());
        keep("timeline", image);

        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        assertTrue(pixelsOf(image, Charts.color(0)) > 1000, "answered bars are drawn");
        assertTrue(pixelsOf(image, Charts.color(3)) > 50, "the 429 is drawn");
    }

    @Test
    void inFlightStepsUpToTheMostConcurrentRequests() throws IOException {
        BufferedImage image = RequestCharts.inFlight(fiveAtATime());
        keep("in-flight", image);
        assertTrue(pixelsOf(image, Charts.color(0)) > 200);
    }

    @Test
    void arrivalsAgainstQuotaMarksRefusals() throws IOException {
        BufferedImage image = RequestCharts.arrivalsAgainstQuota(fiveAtATime(), 6, Duration.ofSeconds(1));
        keep("quota", image);
        assertTrue(pixelsOf(image, Charts.color(3)) > 20, "refused points are drawn");
    }

    @Test
    void timelineOfRowsAndCategories() throws IOException {
        BufferedImage image = Timeline.titled("read, generate, write")
                .bar("item 1", 0, 10, "read").bar("item 1", 10, 400, "generate").bar("item 1", 400, 420, "write")
                .bar("item 2", 5, 15, "read").bar("item 2", 15, 380, "generate").bar("item 2", 420, 430, "write")
                .bar("item 3", 5, 5, "read").bar("never ended", 20, Double.NaN, "generate")
                .image();
        keep("gantt", image);
        assertTrue(pixelsOf(image, Charts.color(1)) > 1000, "generate bars are drawn");
    }

    @Test
    void emptyChartsShowANoticeAndBadInputSaysWhy() {
        BufferedImage noRows = RequestCharts.timeline(List.of());
        assertEquals(60, noRows.getHeight(), "a one-line notice instead of a chart");
        assertEquals(60, Timeline.titled("nothing").image().getHeight());
        Exception noBars = assertThrows(IllegalStateException.class, () -> Timeline.titled("nothing").chart());
        assertTrue(noBars.getMessage().contains("no bar was added"), noBars.getMessage());
        Exception noList = assertThrows(IllegalArgumentException.class, () -> RequestCharts.inFlight(null));
        assertTrue(noList.getMessage().contains("it got null"), noList.getMessage());
        Exception backwards = assertThrows(IllegalArgumentException.class,
                () -> Timeline.titled("t").bar("row", 10, 5, "c"));
        assertTrue(backwards.getMessage().contains("ends (5.0 ms) before it starts (10.0 ms)"), backwards.getMessage());
    }
}
