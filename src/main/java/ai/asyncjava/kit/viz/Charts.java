package ai.asyncjava.kit.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** The course's chart size and style, and the step from a chart to an inline image. */
public final class Charts {

    /** Wide enough for a timeline of a few seconds, short enough to sit beside the code. */
    public static final int WIDTH = 760;
    public static final int HEIGHT = 360;

    /** Colours that stay apart for the colour-blind (Okabe and Ito's palette). */
    private static final List<Color> PALETTE = List.of(
            new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
            new Color(213, 94, 0), new Color(204, 121, 167), new Color(86, 180, 233),
            new Color(240, 228, 66), new Color(0, 0, 0));

    private Charts() {
    }

    /** The chart as an image; leave it as a cell's last expression to see it. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * A one-line image in place of a chart that has nothing to draw yet, such as a chart of an
     * exercise that is still a skeleton: the cell shows why instead of failing.
     */
    public static BufferedImage notice(String text) {
        BufferedImage image = new BufferedImage(WIDTH, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(text, 16, 36);
        g.dispose();
        return image;
    }

    /** An empty line chart in the course's size and style. */
    public static XYChart lines(String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        style(chart);
        return chart;
    }

    /** The {@code index}-th colour of the course's palette (it cycles). */
    public static Color color(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /**
     * Gives each series named in {@code colours} its colour, so that the same outcome (a page, a
     * 429) has the same colour in every chart; series not named keep the palette's.
     */
    public static void colourSeries(XYChart chart, Map<String, Color> colours) {
        colours.forEach((name, colour) -> {
            XYSeries series = chart.getSeriesMap().get(name);
            if (series != null) {
                series.setLineColor(colour);
            }
        });
    }

    static void style(XYChart chart) {
        chart.getStyler()
                .setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE)
                .setPlotBorderVisible(false)
                .setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal)
                .setLegendBorderColor(Color.WHITE)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14))
                .setSeriesColors(PALETTE.toArray(Color[]::new));
        chart.getStyler().setMarkerSize(6);
    }
}
