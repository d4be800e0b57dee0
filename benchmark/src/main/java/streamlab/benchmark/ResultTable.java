package streamlab.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** The results as a Markdown table (readable in a terminal, and ready for a README), and the summary below it. */
final class ResultTable {

    private ResultTable() {}

    static String markdown(List<Result> results) {
        StringBuilder table = new StringBuilder()
                .append("| rate (lines/s) | API | query | sustained | sent (lines/s) | processed (lines/s)"
                        + " | latency p50 (ms) | latency p99 (ms) |\n")
                .append("|---:|---|---|---|---:|---:|---:|---:|\n");
        for (Result r : results) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %,d | %s | %s | %s | %,.0f | %,.0f | %s | %s |%n",
                    r.rate(),
                    r.series().apiLabel,
                    r.series().queryLabel,
                    r.sustained() ? "yes" : "no: " + r.fellBehind(),
                    r.sentPerSecond(),
                    r.processedPerSecond(),
                    Latency.text(r.p50()),
                    Latency.text(r.p99())));
        }
        return table.toString();
    }

    /**
     * The windowed queries' state at the end of each step, and the most memory it took in the step: a Markdown
     * table, or an empty string when no step noted any state.
     */
    static String state(List<Result> results) {
        List<Result> rows = results.stream().filter(r -> !r.state().isEmpty()).toList();
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder table = new StringBuilder()
                .append("| rate (lines/s) | API | query | state rows at the end | state memory at the end (KiB)"
                        + " | most state memory (KiB) |\n")
                .append("|---:|---|---|---:|---:|---:|\n");
        for (Result r : rows) {
            StateSample last = r.state().get(r.state().size() - 1);
            long most = r.state().stream().mapToLong(StateSample::bytes).max().orElse(0);
            table.append(String.format(
                    Locale.ROOT,
                    "| %,d | %s | %s | %,d | %,d | %,d |%n",
                    r.rate(),
                    r.series().apiLabel,
                    r.series().queryLabel,
                    last.rows(),
                    last.bytes() / 1024,
                    most / 1024));
        }
        return table.toString();
    }

    /** One line per series: the highest rate it sustained, and the rate at which it fell behind. */
    static String highest(List<Series> series, List<Result> results) {
        return series.stream()
                .map(s -> {
                    List<Result> rows =
                            results.stream().filter(r -> r.series() == s).toList();
                    OptionalInt kept = rows.stream()
                            .filter(Result::sustained)
                            .mapToInt(Result::rate)
                            .max();
                    OptionalInt fell = rows.stream()
                            .filter(r -> !r.sustained())
                            .mapToInt(Result::rate)
                            .min();
                    String text = kept.isPresent()
                            ? String.format(Locale.ROOT, "%,d lines/s", kept.getAsInt())
                            : "none of the rates tried";
                    if (fell.isPresent()) {
                        text += String.format(Locale.ROOT, " (fell behind at %,d)", fell.getAsInt());
                    }
                    return "  " + s.label() + ": " + text;
                })
                .collect(Collectors.joining("\n"));
    }
}
