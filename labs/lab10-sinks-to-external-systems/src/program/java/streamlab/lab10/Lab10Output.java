package streamlab.lab10;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import scala.Tuple2;

/** How Lab 10 shows what lands in the database (given: the lab's output, not the exercise). */
final class Lab10Output {

    /** How many words the program shows, biggest first. */
    static final int SHOWN = 8;

    private Lab10Output() {}

    /** After a DStream batch has been written: what the table holds now (read on the driver). */
    static void afterDStreamBatch(DbSettings db, String write, long timeMs) {
        try {
            int thisBatch = WordTables.readBatch(db, timeMs).size();
            System.out.println("-------------------------------------------\n"
                    + "Time: " + timeMs + " ms (DStream, --write " + write + ")\n"
                    + "-------------------------------------------\n"
                    + describe(db, false, thisBatch + " rows of this batch"));
        } catch (SQLException e) {
            System.out.println("== DStream: cannot read " + db.table() + ": " + Connections.explain(e, db));
        }
    }

    /** The table in two lines: its size, the connections opened so far, and its biggest words. */
    static String describe(DbSettings db, boolean totals, String news) throws SQLException {
        List<Tuple2<String, Long>> top = WordTables.top(db, totals, SHOWN);
        return db.table() + " holds " + WordTables.rowCount(db) + " rows (" + news
                + "); connections opened to write it so far: "
                + Connections.opened(db) + "\n"
                + (totals ? "biggest totals: " : "top words, all batches: ")
                + (top.isEmpty()
                        ? "(none yet)"
                        : top.stream().map(t -> t._1() + " " + t._2()).collect(Collectors.joining(", ")))
                + "\n";
    }

    /** After each micro-batch of the Structured query: what its table holds now. */
    static final class TablePrinter extends StreamingQueryListener {
        private final DbSettings db;
        private final boolean totals;
        private long lastShown = -1;

        TablePrinter(DbSettings db, boolean totals) {
            this.db = db;
            this.totals = totals;
        }

        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            long batch = event.progress().batchId();
            if (batch == lastShown) {
                return; // a progress report of an idle query: nothing new was written
            }
            lastShown = batch;
            try {
                System.out.println("-------------------------------------------\n"
                        + "Batch: " + batch + " (Structured, " + (totals ? "ForeachWriter" : "foreachBatch") + ")\n"
                        + "-------------------------------------------\n"
                        + describe(db, totals, event.progress().numInputRows() + " lines in this micro-batch"));
            } catch (SQLException e) {
                System.out.println("== Structured: cannot read " + db.table() + ": " + Connections.explain(e, db));
            }
        }

        @Override
        public void onQueryStarted(QueryStartedEvent event) {}

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) {}
    }

    /**
     * The last batch id a query's checkpoint lists in {@code folder} ({@code offsets}: planned, written
     * before the batch runs; {@code commits}: done, written after its sink succeeded).
     */
    static OptionalLong lastBatch(Path checkpoint, String folder) {
        Path dir = checkpoint.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d+"))
                    .mapToLong(Long::parseLong)
                    .max();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** What the checkpoint says after a failed micro-batch, in one sentence. */
    static String checkpointAfterFailure(Path checkpoint) {
        OptionalLong planned = lastBatch(checkpoint, "offsets");
        OptionalLong committed = lastBatch(checkpoint, "commits");
        if (planned.isEmpty()) {
            return "";
        }
        return " The query stopped in batch " + planned.getAsLong() + "; its checkpoint (" + checkpoint + ") records "
                + (committed.isEmpty() ? "no batch" : "batches up to " + committed.getAsLong())
                + " as committed, so that batch is not counted as written.";
    }
}
