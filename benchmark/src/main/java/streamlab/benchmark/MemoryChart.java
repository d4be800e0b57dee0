package streamlab.benchmark;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The second picture: the state the windowed queries kept over each of their steps, as rows (left) and as memory
 * (right) against the seconds since the query started; one line per query and rate, blue for the DStream, red for
 * Structured Streaming, darker for a higher rate.
 */
final class MemoryChart {

    static final String PNG = "memory.png";

    private static final Color DSTREAM = new Color(0x1f77b4);
    private static final Color STRUCTURED = new Color(0xd62728);

    private MemoryChart() {}

    /** Writes the PNG of the steps that noted state. */
    static void write(List<Result> results, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        String source = results.get(0).series().source.name;
        XYChart rows =
                chart("State rows over a step (" + source + ")", "rows (Structured: window x word; DStream: words)");
        XYChart memory = chart("State memory over a step (" + source + ")", "MiB");
        rows.getStyler().setLegendVisible(false);
        memory.getStyler().setLegendPosition(LegendPosition.OutsideE);
        List<Integer> rates =
                results.stream().map(Result::rate).distinct().sorted().toList();
        for (Result r : results) {
            String name = String.format(Locale.ROOT, "%s, %,d lines/s", r.series().apiLabel, r.rate());
            Color color = shade(
                    r.series().api == Series.Api.DSTREAM ? DSTREAM : STRUCTURED, rates.indexOf(r.rate()), rates.size());
            add(rows, name, r.state(), s -> s.rows(), color);
            add(memory, name, r.state(), s -> s.bytes() / (1024.0 * 1024.0), color);
        }
        Files.createDirectories(Objects.requireNonNullElse(png.toAbsolutePath().getParent(), Path.of(".")));
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(List.of(rows, memory), 1, 2, out, BitmapFormat.PNG);
        }
    }

    private static XYChart chart(String title, String yAxis) {
        XYChart chart = new XYChartBuilder()
                .width(700)
                .height(500)
                .title(title)
                .xAxisTitle("seconds since the query started")
                .yAxisTitle(yAxis)
                .build();
        chart.getStyler()
                .setYAxisDecimalPattern("#,###.#")
                .setChartBackgroundColor(Color.WHITE)
                .setMarkerSize(4);
        return chart;
    }

    private static void add(
            XYChart chart, String name, List<StateSample> state, ToDoubleFunction<StateSample> y, Color color) {
        XYSeries series = chart.addSeries(
                name,
                state.stream().mapToDouble(StateSample::seconds).toArray(),
                state.stream().mapToDouble(y).toArray());
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
    }

    /** The colour, from pale (the lowest rate) to full (the highest). */
    private static Color shade(Color color, int rank, int ranks) {
        double pale = ranks < 2 ? 0 : 0.65 * (ranks - 1 - rank) / (ranks - 1);
        return new Color(
                (int) (color.getRed() + (255 - color.getRed()) * pale),
                (int) (color.getGreen() + (255 - color.getGreen()) * pale),
                (int) (color.getBlue() + (255 - color.getBlue()) * pale));
    }
}
