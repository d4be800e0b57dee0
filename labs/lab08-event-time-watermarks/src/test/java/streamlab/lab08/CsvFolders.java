package streamlab.lab08;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import streamlab.harness.TestSpark;

/**
 * What a CSV sink partitioned by {@code window} has written, in one line: each {@code window=...} folder,
 * how many CSV files it holds when that is not one, and its {@code value,count} lines (read back with
 * Spark, sorted): {@code window=173245-173315 [0,1 2,2 9,1]}.
 */
final class CsvFolders {

    private final Path output;

    CsvFolders(Path output) {
        this.output = output;
    }

    String describe() {
        Map<String, List<String>> lines = new TreeMap<>();
        Map<String, Long> files = new TreeMap<>();
        for (Path folder : list(output)) {
            String name = folder.getFileName().toString();
            if (Files.isDirectory(folder) && !name.startsWith("_") && !name.startsWith(".")) {
                lines.put(name, new ArrayList<>());
                files.put(
                        name,
                        list(folder).stream()
                                .filter(f -> f.toString().endsWith(".csv"))
                                .count());
            }
        }
        if (lines.isEmpty()) {
            return "(none)";
        }
        // through the sink's log (_spark_metadata): only the files of committed micro-batches
        for (Row r : TestSpark.session()
                .read()
                .schema("value INT, count LONG, window STRING")
                .csv(output.toString())
                .collectAsList()) {
            lines.computeIfAbsent("window=" + r.getAs("window"), w -> new ArrayList<>())
                    .add(r.getAs("value") + "," + r.getAs("count"));
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : lines.entrySet()) {
            long n = files.getOrDefault(e.getKey(), 0L);
            List<String> sorted = e.getValue().stream().sorted().toList();
            sb.append(sb.isEmpty() ? "" : " ")
                    .append(e.getKey())
                    .append(n == 1 ? "" : " (" + n + " CSV files)")
                    .append(" [")
                    .append(String.join(" ", sorted))
                    .append(']');
        }
        return sb.toString();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
