package streamlab.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run shows: each source's table on the screen as soon as its steps are done, then {@code results.md} with
 * every table, and the pictures: latency against rate per source, and the windowed queries' state over a step.
 */
final class Report {

    private final Path out;
    private final Settings settings;
    private final StringBuilder markdown = new StringBuilder("# Which API keeps up?\n");
    private final List<Result> windowed = new ArrayList<>();
    private final List<Source> drawn = new ArrayList<>();
    private final List<List<Result>> results = new ArrayList<>();

    Report(Path out, Settings settings) {
        this.out = out;
        this.settings = settings;
    }

    /** One source's results: printed now, written by {@link #write()}. */
    void add(Source source, String header, List<Series> series, List<Result> rows) {
        String table = ResultTable.markdown(rows);
        String highest = "Highest rate sustained (" + source.name + "):\n" + ResultTable.highest(series, rows);
        String state = ResultTable.state(rows);
        System.out.println();
        System.out.print(table);
        System.out.println(highest);
        if (!state.isEmpty()) {
            System.out.println();
            System.out.print(state);
        }
        markdown.append("\n## ")
                .append(source.name)
                .append("\n\n```\n")
                .append(header.strip())
                .append("\n```\n\n")
                .append(table)
                .append("\n```\n")
                .append(highest)
                .append("\n```\n\n![latency against rate](")
                .append(source.latencyPng())
                .append(")\n");
        if (!state.isEmpty()) {
            markdown.append("\nThe windowed queries' state at the end of each step:\n\n")
                    .append(state);
        }
        drawn.add(source);
        results.add(rows);
        // the state picture: Kafka's windowed queries when there are any, else the socket's
        List<Result> withState = rows.stream().filter(r -> !r.state().isEmpty()).toList();
        if (!withState.isEmpty() && (windowed.isEmpty() || source == Source.KAFKA)) {
            windowed.clear();
            windowed.addAll(withState);
        }
    }

    /** Writes results.md and the pictures into the output folder. */
    void write() throws IOException {
        String subtitle = settings.batchSeconds() + " s batches and triggers, "
                + Runtime.getRuntime().availableProcessors() + " cores";
        for (int i = 0; i < drawn.size(); i++) {
            LatencyChart.write(
                    results.get(i),
                    drawn.get(i),
                    subtitle,
                    out.resolve(drawn.get(i).latencyPng()));
        }
        if (!windowed.isEmpty()) {
            MemoryChart.write(windowed, out.resolve(MemoryChart.PNG));
            markdown.append("\n![the windowed queries' state over each step](")
                    .append(MemoryChart.PNG)
                    .append(")\n");
        }
        Files.writeString(out.resolve("results.md"), markdown);
    }
}
