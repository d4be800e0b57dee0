package streamlab.lab10;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamlab.harness.LabTest;
import streamlab.support.Api;
import streamlab.support.MissingSolutionException;

@LabTest(lab = "10", api = Api.STRUCTURED)
class Lab10StructuredTest {

    @RegisterExtension
    final LabDatabase database = LabDatabase.create();

    private QueryRun countsQuery(DbSettings db) {
        return QueryRun.of(
                "Lab 10 WordCountsStructured.sink, into the table " + db.table() + " (batch_id, word, count)",
                lines -> WordCountsStructured.sink(lines, db));
    }

    private QueryRun totalsQuery(DbSettings db) {
        return QueryRun.of(
                "Lab 10 WordCountsStructured.totalsSink with a TotalsWriter, into the table " + db.table()
                        + " (word, count)",
                lines -> WordCountsStructured.totalsSink(lines, db));
    }

    @Test
    void each_micro_batch_writes_its_word_counts_under_its_batch_id() throws Exception {
        DbSettings db = database.counts();
        try (QueryRun run = countsQuery(db)) {
            run.step("Hello, world!", "hello");
            run.assertTable(db.table(), rows(row(0, "hello", 2), row(0, "world", 1)), WordTables.readCounts(db));
            run.step();
            run.step("world world", "The WORLD");
            run.assertTable(
                    db.table(),
                    rows(row(0, "hello", 2), row(0, "world", 1), row(2, "world", 3), row(2, "the", 1)),
                    WordTables.readCounts(db));
            assertThat(run.committed())
                    .as("batches committed to the checkpoint")
                    .containsExactly(0L, 1L, 2L);
            assertThat(Connections.openSessions(db))
                    .as("connections still open after the micro-batches" + " (close the connection of each batch)")
                    .isZero();
        }
    }

    @Test
    void a_batch_that_fails_half_way_leaves_no_rows_and_is_written_once_after_the_restart() throws Exception {
        DbSettings db = database.counts();
        try (QueryRun run = countsQuery(db)) {
            run.step("to be or not to be");
            database.failAtRow(db, 2);
            run.failingStep("the database fails at the 2nd row written", "that is the question", "whether tis nobler");
            // all or nothing: a reader never sees half a batch
            run.assertTable(
                    db.table(),
                    rows(row(0, "to", 2), row(0, "be", 2), row(0, "or", 1), row(0, "not", 1)),
                    WordTables.readCounts(db));
            assertThat(run.planned())
                    .as("batches the checkpoint planned (offsets/)")
                    .containsExactly(0L, 1L);
            assertThat(run.committed())
                    .as("batches the checkpoint committed (commits/): not the failed one")
                    .containsExactly(0L);
            assertThat(List.of(Connections.stillOpen(db), (long) Connections.openSessions(db)))
                    .as(run.report(
                            "connections never closed, and sessions the database has open, after the failed"
                                    + " micro-batch (close the batch's connection also when the write throws:"
                                    + " try-with-resources)",
                            null,
                            null))
                    .containsExactly(0L, 0L);
            run.restart();
            run.step("to be");
            run.assertTable(
                    db.table(),
                    rows(
                            row(0, "to", 2),
                            row(0, "be", 2),
                            row(0, "or", 1),
                            row(0, "not", 1),
                            row(1, "that", 1),
                            row(1, "is", 1),
                            row(1, "the", 1),
                            row(1, "question", 1),
                            row(1, "whether", 1),
                            row(1, "tis", 1),
                            row(1, "nobler", 1),
                            row(2, "to", 1),
                            row(2, "be", 1)),
                    WordTables.readCounts(db));
        }
    }

    @Test
    void a_batch_written_but_not_committed_is_written_again_without_duplicates() throws Exception {
        DbSettings db = database.counts();
        AtomicLong crashAfter = new AtomicLong(-1);
        try (QueryRun run = QueryRun.of(
                "Lab 10 WordCountsStructured.writeBatch, into the table " + db.table()
                        + " (batch_id, word, count), with a driver that crashes after writing batch 1",
                lines -> lines.writeStream().foreachBatch((Dataset<Row> batch, Long id) -> {
                    WordCountsStructured.writeBatch(batch, id, db);
                    if (id == crashAfter.get()) {
                        throw new IllegalStateException(
                                "the driver crashes after writing batch " + id + ", before Spark commits it");
                    }
                }))) {
            run.step("a rose is a rose");
            crashAfter.set(1);
            run.failingStep("the driver crashes after the write, before Spark's commit", "is a rose", "a rose");
            run.assertTable(
                    db.table(),
                    rows(
                            row(0, "a", 2),
                            row(0, "rose", 2),
                            row(0, "is", 1),
                            row(1, "is", 1),
                            row(1, "a", 2),
                            row(1, "rose", 2)),
                    WordTables.readCounts(db));
            assertThat(run.committed())
                    .as("batches the checkpoint committed (commits/)")
                    .containsExactly(0L);
            crashAfter.set(-1);
            run.restart(); // Spark runs batch 1 again: its rows must not be there twice
            run.assertTable(
                    db.table(),
                    rows(
                            row(0, "a", 2),
                            row(0, "rose", 2),
                            row(0, "is", 1),
                            row(1, "is", 1),
                            row(1, "a", 2),
                            row(1, "rose", 2)),
                    WordTables.readCounts(db));
            assertThat(run.committed())
                    .as("batches committed after the restart")
                    .containsExactly(0L, 1L);
        }
    }

    @Test
    void a_batch_run_again_that_fails_half_way_keeps_the_rows_of_its_earlier_attempt() throws Exception {
        // the delete of an earlier attempt's rows and the inserts are one transaction: when the inserts fail,
        // the delete is undone too, and a reader still sees the batch once, as its earlier attempt wrote it
        DbSettings db = database.counts();
        AtomicLong crashAfter = new AtomicLong(-1);
        try (QueryRun run = QueryRun.of(
                "Lab 10 WordCountsStructured.writeBatch, into the table " + db.table()
                        + " (batch_id, word, count), with a driver that crashes after writing batch 1",
                lines -> lines.writeStream().foreachBatch((Dataset<Row> batch, Long id) -> {
                    WordCountsStructured.writeBatch(batch, id, db);
                    if (id == crashAfter.get()) {
                        throw new IllegalStateException(
                                "the driver crashes after writing batch " + id + ", before Spark commits it");
                    }
                }))) {
            run.step("a rose is a rose");
            crashAfter.set(1);
            run.failingStep(
                    "the driver crashes after the write, before Spark's commit", "is a rose", "a rose", "is a rose");
            crashAfter.set(-1);
            database.failAtRow(db, 2);
            run.failingRestart("the database fails at the 2nd row the batch writes again");
            run.assertTable(
                    db.table(),
                    rows(
                            row(0, "a", 2),
                            row(0, "rose", 2),
                            row(0, "is", 1),
                            row(1, "is", 2),
                            row(1, "a", 3),
                            row(1, "rose", 3)),
                    WordTables.readCounts(db));
            assertThat(run.committed())
                    .as("batches the checkpoint committed (commits/)")
                    .containsExactly(0L);
            run.restart(); // the third attempt at batch 1 goes through
            run.assertTable(
                    db.table(),
                    rows(
                            row(0, "a", 2),
                            row(0, "rose", 2),
                            row(0, "is", 1),
                            row(1, "is", 2),
                            row(1, "a", 3),
                            row(1, "rose", 3)),
                    WordTables.readCounts(db));
            assertThat(run.committed())
                    .as("batches committed after the restart")
                    .containsExactly(0L, 1L);
        }
    }

    @Test
    void a_missing_table_stops_the_query_before_the_batch_is_committed() throws Exception {
        DbSettings db = database.counts();
        database.dropCountsTable();
        try (QueryRun run = countsQuery(db)) {
            Throwable failure = run.failingStep("the table is missing", "hello world", "hello");
            assertThat((Throwable) Connections.sqlCause(failure))
                    .as("the database's own error, in the failure's causes: " + failure)
                    .isNotNull();
            assertThat(run.planned())
                    .as("batches the checkpoint planned (offsets/)")
                    .containsExactly(0L);
            assertThat(run.committed())
                    .as("batches the checkpoint committed (commits/): none was written")
                    .isEmpty();
            database.createCountsTable();
            run.restart();
            run.assertTable(db.table(), rows(row(0, "hello", 2), row(0, "world", 1)), WordTables.readCounts(db));
        }
    }

    @Test
    void the_foreach_writer_keeps_the_running_total_of_every_word_and_writes_only_the_changed_ones() throws Exception {
        DbSettings db = database.totals();
        database.watch(db);
        try (QueryRun run = totalsQuery(db)) {
            run.step("hello world", "Hello");
            run.assertTable(db.table(), rows(row("hello", 2), row("world", 1)), WordTables.readTotals(db));
            assertThat(RowTrigger.written(db.table()))
                    .as("rows written by step 1")
                    .isEqualTo(2);
            run.step("world");
            run.assertTable(db.table(), rows(row("hello", 2), row("world", 2)), WordTables.readTotals(db));
            assertThat(RowTrigger.written(db.table()))
                    .as("rows written by steps 1 and 2: update mode sends only the" + " words whose total changed")
                    .isEqualTo(3);
            run.step("new words", "hello");
            run.assertTable(
                    db.table(),
                    rows(row("hello", 3), row("world", 2), row("new", 1), row("words", 1)),
                    WordTables.readTotals(db));
            assertThat(RowTrigger.written(db.table()))
                    .as("rows written by steps 1 to 3")
                    .isEqualTo(6);
        }
    }

    @Test
    void the_foreach_writer_opens_a_connection_per_partition_and_epoch_and_closes_every_one() throws Exception {
        DbSettings db = database.totals();
        try (QueryRun run = totalsQuery(db)) {
            List<String> steps = List.of("one two three four five six seven eight", "a b c d e f g", "one a two b");
            int epochs = 0;
            for (String line : steps) {
                run.step(line, line);
                epochs++;
                long opened = Connections.opened(db);
                assertThat(opened)
                        .as(run.report(
                                "connections opened after " + epochs + " epochs of 2 partitions"
                                        + " (one per partition and epoch, in open(), at most)",
                                null,
                                null))
                        .isBetween(1L, 2L * epochs);
                assertThat(Connections.openSessions(db))
                        .as(run.report(
                                "connections still open after epoch " + epochs
                                        + ": close(...) must close the connection, in every case",
                                null,
                                null))
                        .isZero();
            }
            run.assertTable(
                    db.table(),
                    rows(
                            row("one", 4),
                            row("two", 4),
                            row("three", 2),
                            row("four", 2),
                            row("five", 2),
                            row("six", 2),
                            row("seven", 2),
                            row("eight", 2),
                            row("a", 4),
                            row("b", 4),
                            row("c", 2),
                            row("d", 2),
                            row("e", 2),
                            row("f", 2),
                            row("g", 2)),
                    WordTables.readTotals(db));
        }
    }

    @Test
    void the_foreach_writer_writes_a_partition_all_or_nothing() throws Exception {
        DbSettings db = database.totals();
        database.failAtRow(db, 2);
        List<Row> partition = List.of(total("to", 2), total("be", 2), total("or", 1));
        String given = "a TotalsWriter given the rows " + partition + " of one partition, the database failing at the"
                + " 2nd row written";
        TotalsWriter writer = writerThatProcessed(db, partition, given);
        Throwable failure = thrownBy(() -> writer.close(null));
        assertThat(failure)
                .as(given + ": close(null) must throw an unchecked exception, so that the task fails")
                .isInstanceOf(RuntimeException.class);
        assertThat(failure.getMessage())
                .as(given + ": the message of what close(null) threw")
                .isNotBlank();
        assertThat((Throwable) Connections.sqlCause(failure))
                .as(given + ": the database's own error, in the causes of" + " what close(null) threw: " + failure)
                .isNotNull();
        assertThat(WordTables.readTotals(db))
                .as(given + ": the table after the failure (all or nothing: with"
                        + " auto-commit on, every row but the failing one is committed on its own)")
                .isEmpty();
        assertThat(Connections.openSessions(db))
                .as(given + ": connections still open")
                .isZero();
    }

    @Test
    void the_foreach_writer_commits_nothing_of_a_task_that_failed() throws Exception {
        DbSettings db = database.totals();
        List<Row> partition = List.of(total("to", 2), total("be", 2));
        String given = "a TotalsWriter given the rows " + partition + ", then close(error): the task failed after them";
        TotalsWriter writer = writerThatProcessed(db, partition, given);
        writer.close(new IllegalStateException("a later step of this task failed"));
        assertThat(WordTables.readTotals(db))
                .as(given + ": the table (Spark runs the epoch again: nothing of the failed" + " try may stay)")
                .isEmpty();
        assertThat(Connections.openSessions(db))
                .as(given + ": connections still open")
                .isZero();
    }

    @Test
    void the_foreach_writer_that_cannot_open_says_why_and_leaves_no_connection_open() throws Exception {
        DbSettings db = database.totals();
        database.dropTable(db);
        String given = "a TotalsWriter whose table " + db.table() + " is missing";
        Throwable failure = thrownBy(() -> new TotalsWriter(db).open(0, 0));
        assertThat(failure)
                .as(given + ": open(0, 0) must throw an unchecked exception, so that the task fails")
                .isInstanceOf(RuntimeException.class);
        assertThat(failure.getMessage())
                .as(given + ": the message of what open(0, 0) threw")
                .containsIgnoringCase(db.table());
        assertThat((Throwable) Connections.sqlCause(failure))
                .as(given + ": the database's own error, in the causes of" + " what open(0, 0) threw: " + failure)
                .isNotNull();
        assertThat(Connections.openSessions(db))
                .as(given + ": connections still open after open(0, 0) failed (Spark"
                        + " calls no close() after an open() that threw: open() closes what it opened)")
                .isZero();

        DbSettings nowhere = new DbSettings(
                db.url().replace(";MODE=", ";IFEXISTS=TRUE;MODE=").replace("jdbc:h2:mem:", "jdbc:h2:mem:missing-"),
                db.user(),
                db.password(),
                db.table(),
                db.poolSize(),
                db.connectionTimeoutMs());
        Throwable unreachable = thrownBy(() -> new TotalsWriter(nowhere).open(0, 0));
        assertThat((Throwable) Connections.sqlCause(unreachable))
                .as("a TotalsWriter whose database " + nowhere.url()
                        + " does not exist: the database's own error, in the causes of what open(0, 0) threw: "
                        + unreachable)
                .isNotNull();
    }

    /** A TotalsWriter that opened partition 0 of epoch 0 and processed {@code partition}, as Spark's task would. */
    private static TotalsWriter writerThatProcessed(DbSettings db, List<Row> partition, String given) {
        TotalsWriter writer = new TotalsWriter(db);
        assertThat(writer.open(0, 0))
                .as(given + ": open(0, 0), this partition is to be written")
                .isTrue();
        partition.forEach(writer::process);
        return writer;
    }

    private static Row total(String word, long count) {
        StructType schema = new StructType().add("word", DataTypes.StringType).add("count", DataTypes.LongType);
        return new GenericRowWithSchema(new Object[] {word, count}, schema);
    }

    /** What {@code call} threw, or null; the skeleton's "not implemented" goes on up, for the report. */
    private static Throwable thrownBy(ThrowingCallable call) {
        Throwable failure = catchThrowable(call);
        if (MissingSolutionException.isMissingSolution(failure)) {
            throw new IllegalStateException(failure);
        }
        return failure;
    }

    @Test
    void the_foreach_writer_writes_a_failed_epoch_again_after_the_restart() throws Exception {
        DbSettings db = database.totals();
        try (QueryRun run = totalsQuery(db)) {
            run.step("a b c d e f");
            database.failAtRow(db, 2);
            run.failingStep("the database fails at the 2nd row written", "a b c d e f g");
            assertThat(run.committed())
                    .as("epochs the checkpoint committed (commits/): not the failed one")
                    .containsExactly(0L);
            run.restart();
            run.assertTable(
                    db.table(),
                    rows(row("a", 2), row("b", 2), row("c", 2), row("d", 2), row("e", 2), row("f", 2), row("g", 1)),
                    WordTables.readTotals(db));
            assertThat(Connections.openSessions(db))
                    .as("connections still open after the restart")
                    .isZero();
        }
    }
}
