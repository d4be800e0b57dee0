package streamlab.lab12;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/** How Lab 12 shows what happens (given: the lab's output, not the exercise). */
final class Lab12Output {

    private Lab12Output() {}

    /**
     * After each micro-batch a query has run (and committed): one line, {@code == batch N done: ...}. The
     * tests that kill the program wait for these lines.
     */
    static final class Progress extends StreamingQueryListener {
        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            StreamingQueryProgress p = event.progress();
            if (!p.durationMs().containsKey("addBatch")) {
                return; // an idle trigger's report: no micro-batch ran
            }
            StringBuilder line = new StringBuilder("== batch ")
                    .append(p.batchId())
                    .append(" done: ")
                    .append(p.numInputRows())
                    .append(" rows in");
            String watermark = p.eventTime().get("watermark");
            if (watermark != null) {
                line.append(", watermark ").append(watermark);
            }
            for (SourceProgress source : p.sources()) {
                line.append(", read up to ").append(source.endOffset());
            }
            System.out.println(line);
        }

        @Override
        public void onQueryStarted(QueryStartedEvent event) {}

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) {}
    }

    /** The DStream side's output: the totals after each batch (saved with the graph in the checkpoint). */
    static final class TotalsPrinter implements TotalsOutput {
        private static final long serialVersionUID = 1L;

        @Override
        public void batchDone(long batchTimeMs, Map<String, Long> totals) {
            String time = DateTimeFormatter.ofPattern("HH:mm:ss")
                    .withZone(ZoneId.systemDefault())
                    .format(Instant.ofEpochMilli(batchTimeMs));
            String shown = new TreeMap<>(totals)
                    .entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" "));
            System.out.println("== batch " + time + " (" + batchTimeMs + ") done: HIGH events so far: "
                    + (shown.isEmpty() ? "none" : shown));
        }
    }

    /**
     * What a Structured checkpoint folder holds when the program starts on it, and what Spark will do; true
     * when it holds a query's checkpoint (the query resumes it).
     */
    static boolean describeStructured(Path checkpoint) throws IOException {
        OptionalLong offsets = last(checkpoint.resolve("offsets"));
        if (offsets.isEmpty()) {
            System.out.println("== no checkpoint in " + checkpoint + " yet: the query starts from the beginning");
            return holdsStructuredCheckpoint(checkpoint);
        }
        OptionalLong commits = last(checkpoint.resolve("commits"));
        System.out.println("== resuming from " + checkpoint + ": offsets/ up to micro-batch " + offsets.getAsLong()
                + ", commits/ up to " + (commits.isPresent() ? commits.getAsLong() : "none"));
        if (commits.isEmpty() || commits.getAsLong() < offsets.getAsLong()) {
            System.out.println("== micro-batch " + offsets.getAsLong() + " was planned but never committed (the program"
                    + " was stopped in the middle of it): Spark runs it again, with the same input");
        }
        return holdsStructuredCheckpoint(checkpoint);
    }

    /** The files pipeline's output at the end: a batch read of the JSON sink's folder, each window once. */
    static void showWritten(SparkSession spark, Path out) {
        if (Files.isDirectory(out.resolve("_spark_metadata"))) {
            Dataset<Row> written = spark.read().json(out.toString()); // only the files _spark_metadata lists
            System.out.println("== " + out + " holds " + written.count() + " rows (each window once):");
            written.orderBy("start", "danger_level").show(50, false);
        }
    }

    /** Whether the DStream side recovered its context from the checkpoint, or made a new one. */
    static void describeDStream(Path checkpoint) throws IOException {
        System.out.println(
                holdsDStreamCheckpoint(checkpoint) // before the context starts: written at its first batch
                        ? "== DStream: recovered from the checkpoint in " + checkpoint
                                + ": its graph, its batch interval and"
                                + " its input come from there (this run's --batch and --watch are not used)"
                        : "== DStream: a new context, checkpointing to " + checkpoint);
    }

    /** The highest batch number in a checkpoint's offsets/ or commits/ folder. */
    static OptionalLong last(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d+"))
                    .mapToLong(Long::parseLong)
                    .max();
        }
    }

    /** True for a folder that holds a DStream checkpoint (checkpoint-TIME files). */
    static boolean holdsDStreamCheckpoint(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("checkpoint-"));
        }
    }

    /** True for a folder that holds a Structured query's checkpoint (metadata and offsets/). */
    static boolean holdsStructuredCheckpoint(Path folder) {
        return Files.isRegularFile(folder.resolve("metadata")) && Files.isDirectory(folder.resolve("offsets"));
    }
}
