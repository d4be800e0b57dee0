package streamlab.benchmark;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The picture: latency against rate, both on a log scale, one colour per API and query; the median as a solid line
 * with dots, the 99th percentile dashed with diamonds, and black crosses on the rate where the query fell behind
 * (its latency there is often only a lower bound).
 */
final class LatencyChart {

    private static final Color[] COLORS = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0xff7f0e),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0x17becf),
    };

    private LatencyChart() {}

    /** Writes the PNG of one source's results. */
    static void write(List<Result> results, Source source, String subtitle, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder()
                .width(1200)
                .height(650)
                .title((source == Source.SOCKET ? "From netcat-sim" : "From the Kafka producer")
                        + " to a visible count: latency against rate (" + subtitle + ")")
                .xAxisTitle("lines per second sent (log scale); x marks the rate at which the query fell behind")
                .yAxisTitle("latency, ms (log scale)")
                .build();
        chart.getStyler()
                .setXAxisLogarithmic(true)
                .setYAxisLogarithmic(true)
                .setYAxisLogarithmicDecadeOnly(false)
                .setXAxisDecimalPattern("#,###")
                .setYAxisDecimalPattern("#,###")
                .setLegendPosition(LegendPosition.OutsideE)
                .setChartBackgroundColor(Color.WHITE)
                .setMarkerSize(8);
        List<Series> ofSource =
                Arrays.stream(Series.values()).filter(s -> s.source == source).toList();
        for (Series series : ofSource) {
            List<Result> rows = results.stream()
                    .filter(r -> r.series() == series && r.p50() != null)
                    .toList();
            if (rows.isEmpty()) {
                continue;
            }
            Color color = COLORS[ofSource.indexOf(series) % COLORS.length];
            double[] rates = rows.stream().mapToDouble(Result::rate).toArray();
            XYSeries p50 = chart.addSeries(series.label() + ", p50", rates, millis(rows, false));
            style(p50, color, false);
            XYSeries p99 = chart.addSeries(series.label() + ", p99", rates, millis(rows, true));
            style(p99, color, true);
            crosses(chart, series, rows.stream().filter(r -> !r.sustained()).toList());
        }
        Files.createDirectories(Objects.requireNonNullElse(png.toAbsolutePath().getParent(), Path.of(".")));
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
        }
    }

    private static double[] millis(List<Result> rows, boolean p99) {
        // at least 1 ms: a log scale has no room for 0
        return rows.stream()
                .mapToDouble(r -> Math.max(1, (p99 ? r.p99() : r.p50()).millis()))
                .toArray();
    }

    private static void style(XYSeries series, Color color, boolean p99) {
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(p99 ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        series.setLineStyle(p99 ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
    }

    /** A black cross on the p50 and the p99 of each step that fell behind; not in the legend. */
    private static void crosses(XYChart chart, Series series, List<Result> behind) {
        if (behind.isEmpty()) {
            return;
        }
        double[] p50 = millis(behind, false);
        double[] p99 = millis(behind, true);
        double[] x = new double[2 * behind.size()];
        double[] y = new double[2 * behind.size()];
        for (int i = 0; i < behind.size(); i++) {
            x[2 * i] = behind.get(i).rate();
            x[2 * i + 1] = behind.get(i).rate();
            y[2 * i] = p50[i];
            y[2 * i + 1] = p99[i];
        }
        XYSeries crosses = chart.addSeries(series.label() + ", fell behind", x, y);
        crosses.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        crosses.setMarker(SeriesMarkers.CROSS);
        crosses.setMarkerColor(Color.BLACK);
        crosses.setShowInLegend(false);
    }
}
