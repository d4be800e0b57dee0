package streamlab.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Scripts over a test's own sources: files written between steps, a rate source, a watched folder. */
class SourcesTest {

    @AfterEach
    void stop_everything() {
        TestSpark.stopEverythingRunning();
    }

    private static void write(Path file, String text, long modifiedMs) {
        try {
            Path hidden = file.resolveSibling("." + file.getFileName());
            Files.writeString(hidden, text);
            if (modifiedMs > 0 && !hidden.toFile().setLastModified(modifiedMs)) { // before the move
                throw new IOException("cannot set the time of " + hidden);
            }
            Files.move(hidden, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void files_written_between_steps_are_read_one_micro_batch_per_file(@TempDir Path dir) {
        StreamResult run = StructuredScript.from(spark -> spark.readStream()
                        .schema("n INT")
                        .option("maxFilesPerTrigger", 1)
                        .json(dir.toString()))
                .then("a.json", () -> write(dir.resolve("a.json"), "{\"n\":1}\n{\"n\":2}\n", 1_000))
                .then("b.json, c.json", () -> {
                    write(dir.resolve("b.json"), "{\"n\":3}\n", 2_000);
                    write(dir.resolve("c.json"), "{\"n\":4}\n", 3_000);
                })
                .then("nothing", () -> {})
                .probe(
                        "input rows of the last micro-batch",
                        q -> q.lastProgress().numInputRows())
                .run(in -> in);
        run.assertBatches(rows(row(1), row(2)), rows(row(3), row(4)), none());
        run.microBatches().assertBatches(rows(row(1), row(2)), rows(row(3)), rows(row(4)));
        run.observed().assertBatches(rows(row(2)), rows(row(1)), rows(row(1)));
        assertThatThrownBy(() -> run.microBatches().assertBatches(rows(row(1), row(2)), rows(row(3), row(4)), none()))
                .isInstanceOf(AssertionFailedError.class);
        assertThatThrownBy(() -> run.microBatches().assertBatch(2, rows(row(3), row(4))))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("micro-batch 1 (step 2)");
    }

    @Test
    void a_query_with_the_available_now_trigger_is_started_for_every_step_and_stops_by_itself() {
        StructuredScript.from(spark -> spark.readStream()
                        .format("rate-micro-batch")
                        .option("rowsPerBatch", 2)
                        .option("startTimestamp", 0)
                        .option("advanceMillisPerBatch", 1000)
                        .load())
                .then("a start", () -> {})
                .then("another start", () -> {})
                .restartEachStep()
                .runWriter(in -> in.writeStream().trigger(Trigger.AvailableNow()))
                .assertBatches(
                        rows(row(new Timestamp(0), 0), row(new Timestamp(0), 1)),
                        rows(row(new Timestamp(1000), 2), row(new Timestamp(1000), 3)));
    }

    @Test
    void a_dstream_script_over_a_watched_folder_gives_each_new_file_to_the_batch_of_its_time(@TempDir Path dir) {
        StreamResult run = DStreamScript.<String>from(ssc -> ssc.textFileStream(dir.toString()))
                .then("a.txt", t -> write(dir.resolve("a.txt"), "a1\na2\n", t - 500))
                .then("nothing", t -> {})
                .then("b.txt", t -> write(dir.resolve("b.txt"), "b1\n", t - 100))
                .run(lines -> lines);
        run.assertBatches(rows(row("a1"), row("a2")), none(), rows(row("b1")));
        assertThat(run.steps().get(0).input()).containsExactly("a.txt");
        assertThatThrownBy(() -> run.assertBatches(rows(row("a1"), row("a2")), rows(row("b1")), none()))
                .isInstanceOf(AssertionFailedError.class);
    }
}
