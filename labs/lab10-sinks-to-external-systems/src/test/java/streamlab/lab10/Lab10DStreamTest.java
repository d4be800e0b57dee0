package streamlab.lab10;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;
import scala.Tuple2;
import scala.Tuple3;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.harness.StreamResult;
import streamlab.harness.TestSpark;
import streamlab.support.Api;
import streamlab.support.MissingSolutionException;
import streamlab.support.Tokens;

@LabTest(lab = "10", api = Api.DSTREAM)
class Lab10DStreamTest {

    /** A database of each test's own; every test starts as a new executor JVM would: no pool yet. */
    @RegisterExtension
    final LabDatabase database = LabDatabase.withPool();

    /** The word counts of each batch, over 2 partitions: the writers' input (given here, not an exercise). */
    static JavaPairDStream<String, Long> counts(JavaDStream<String> lines) {
        return lines.flatMap(line -> Tokens.split(line).iterator())
                .mapToPair(word -> new Tuple2<>(word, 1L))
                .reduceByKey(Long::sum);
    }

    /**
     * What the table holds for each batch, read after the writer's job of that batch has run (a batch's
     * jobs run one after the other, in the order of their output operations): a run's output is then the
     * table, batch by batch.
     */
    static JavaPairDStream<String, Long> tableRows(JavaPairDStream<String, Long> counts, DbSettings db) {
        return counts.transformToPair((rdd, time) -> JavaSparkContext.fromSparkContext(rdd.context())
                .parallelize(List.of(time.milliseconds()), 1)
                .flatMapToPair(batchId -> WordTables.readBatch(db, batchId).iterator()));
    }

    /** Runs {@code writer} on the word counts of each batch; the rows of the result are the table's, batch by batch. */
    static StreamResult write(
            String exercise,
            DbSettings db,
            String probeName,
            DStreamScript.Probe probe,
            BiConsumer<JavaPairDStream<String, Long>, DbSettings> writer,
            List<List<String>> batches) {
        return DStreamScript.linesFrom(batches)
                .title("Lab 10 WriteOutDStream." + exercise + ": the rows of each batch in the table " + db.table())
                .probe(probeName, probe)
                .runPairs(lines -> {
                    JavaPairDStream<String, Long> counts = counts(lines);
                    writer.accept(counts, db);
                    return tableRows(counts, db);
                });
    }

    private static JavaRDD<String> spam(List<String> words) {
        return SpamWords.rdd(TestSpark.context(), words);
    }

    @Test
    void leaves_the_spam_words_out_of_the_counts_of_each_batch() {
        StreamResult run = DStreamScript.lines(
                        List.of("Buy cheap pills now", "click here, it's FREE"),
                        List.of(),
                        List.of("free free free", "a winner is not spam", "Offer: free cheap"))
                .title("Lab 10 SpamFilterDStream.countsWithoutSpam (spam words: buy cheap click free offer winner)")
                .runPairs(lines -> SpamFilterDStream.countsWithoutSpam(lines, spam(SpamWords.DEFAULT)));
        run.assertBatches(
                rows(row("pills", 1), row("now", 1), row("here", 1), row("it's", 1)),
                none(),
                rows(row("a", 1), row("is", 1), row("not", 1), row("spam", 1)));
    }

    @Test
    void leaves_out_whole_spam_words_only_and_counts_the_rest_over_both_partitions() {
        StreamResult run = DStreamScript.lines(
                        List.of("the free cat", "The cat is freedom", "free-for-all cats", "the cat"),
                        List.of("Spark Streaming is fun", "the SPARK of DStreams"))
                .title("Lab 10 SpamFilterDStream.countsWithoutSpam (spam words: free spark streaming)")
                .runPairs(lines ->
                        SpamFilterDStream.countsWithoutSpam(lines, spam(List.of("free", "spark", "streaming"))));
        run.assertBatches(
                rows(
                        row("the", 3),
                        row("cat", 3),
                        row("is", 1),
                        row("freedom", 1),
                        row("for", 1),
                        row("all", 1),
                        row("cats", 1)),
                rows(row("is", 1), row("fun", 1), row("the", 1), row("of", 1), row("dstreams", 1)));
    }

    /** Connections opened so far, and those still open now (the embedded database's own count). */
    private static DStreamScript.Probe openedAndOpen(DbSettings db) {
        return sc -> new Tuple2<>(Connections.opened(db), Connections.openSessions(db));
    }

    @Test
    void a_connection_per_record_writes_every_count_and_opens_one_connection_for_each() {
        DbSettings db = database.counts();
        StreamResult run = write(
                "writePerRecord",
                db,
                "(connections opened so far, still open)",
                openedAndOpen(db),
                WriteOutDStream::writePerRecord,
                List.of(List.of("hello world", "to be"), List.of(), List.of("hello hello", "world")));
        run.assertBatches(
                rows(row("hello", 1), row("world", 1), row("to", 1), row("be", 1)),
                none(),
                rows(row("hello", 2), row("world", 1)));
        // one connection for each record: 4, none for an empty batch, 2 more; each closed after its record
        run.observed().assertBatches(rows(row(4, 0)), rows(row(4, 0)), rows(row(6, 0)));
    }

    @Test
    void a_connection_per_partition_opens_one_for_each_partition_that_holds_records() {
        DbSettings db = database.counts();
        StreamResult run = write(
                "writePerPartition",
                db,
                "(connections opened so far, still open)",
                openedAndOpen(db),
                WriteOutDStream::writePerPartition,
                List.of(
                        List.of("hello world", "to be"), // hello, world in partition 0; to, be in partition 1
                        List.of(), // no records: no connection
                        List.of("hello hello world"), // partition 0 only
                        List.of("the cat sat", "on the mat"))); // both partitions
        run.assertBatches(
                rows(row("hello", 1), row("world", 1), row("to", 1), row("be", 1)),
                none(),
                rows(row("hello", 2), row("world", 1)),
                rows(row("the", 2), row("cat", 1), row("sat", 1), row("on", 1), row("mat", 1)));
        run.observed().assertBatches(rows(row(2, 0)), rows(row(2, 0)), rows(row(3, 0)), rows(row(5, 0)));
    }

    @Test
    void the_pool_is_created_once_and_handed_out_to_every_caller() throws Exception {
        DbSettings db = database.counts();
        HikariDataSource pool = ConnectionPool.getInstance(db);
        assertThat(ConnectionPool.getInstance(db)).as("a second getInstance").isSameAs(pool);
        assertThat(Connections.opened(db))
                .as("connections opened by the pool of " + db.poolSize())
                .isBetween(1L, (long) db.poolSize());

        // The tasks of one executor may ask at the same moment: still one pool.
        LabDatabase.forgetPool();
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<HikariDataSource>> asked = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<HikariDataSource> ask = () -> {
                    go.await();
                    return ConnectionPool.getInstance(db);
                };
                asked.add(callers.submit(ask));
            }
            go.countDown();
            Map<HikariDataSource, Boolean> pools = new IdentityHashMap<>();
            for (Future<HikariDataSource> f : asked) {
                pools.put(f.get(60, TimeUnit.SECONDS), true);
            }
            assertThat(pools)
                    .as("pools handed out to %d threads asking at once", threads)
                    .hasSize(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void two_tasks_that_both_found_no_pool_still_get_one() throws Exception {
        // The lock getInstance creates the pool under is held here, so both threads find no pool, then wait
        // at the lock: the one that enters second must see the pool the first one made.
        DbSettings db = database.counts();
        List<FutureTask<HikariDataSource>> asked = List.of(
                new FutureTask<>(() -> ConnectionPool.getInstance(db)),
                new FutureTask<>(() -> ConnectionPool.getInstance(db)));
        List<Thread> threads = asked.stream().map(Thread::new).toList();
        synchronized (ConnectionPool.class) {
            threads.forEach(Thread::start);
            awaitBlockedOrDone(threads);
        }
        try {
            HikariDataSource first = asked.get(0).get(60, TimeUnit.SECONDS);
            HikariDataSource second = asked.get(1).get(60, TimeUnit.SECONDS);
            assertThat(second)
                    .as("ConnectionPool.getInstance in two threads that both found no pool")
                    .isSameAs(first);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Connections opened so far, still open now, and borrowed from the pool now. */
    private static DStreamScript.Probe poolState(DbSettings db) {
        return sc -> new Tuple3<>(
                Connections.opened(db),
                Connections.openSessions(db),
                ConnectionPool.getInstance(db).getHikariPoolMXBean().getActiveConnections());
    }

    private static final List<List<String>> FIVE_BATCHES = List.of(
            List.of("hello world", "to be"),
            List.of("the cat", "sat on the mat"),
            List.of("to be or not to be"),
            List.of("that is the question"),
            List.of("whether tis nobler", "in the mind"));

    private static final List<List<List<Object>>> FIVE_BATCHES_ROWS = List.of(
            rows(row("hello", 1), row("world", 1), row("to", 1), row("be", 1)),
            rows(row("the", 2), row("cat", 1), row("sat", 1), row("on", 1), row("mat", 1)),
            rows(row("to", 2), row("be", 2), row("or", 1), row("not", 1)),
            rows(row("that", 1), row("is", 1), row("the", 1), row("question", 1)),
            rows(row("whether", 1), row("tis", 1), row("nobler", 1), row("in", 1), row("the", 1), row("mind", 1)));

    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of List<...> can only be made as a raw List[]
    private static void assertFiveBatches(StreamResult run) {
        run.assertBatches(FIVE_BATCHES_ROWS.toArray(new List[0]));
    }

    @Test
    void writing_with_the_pool_opens_no_more_connections_than_the_pool_holds_over_many_batches() {
        DbSettings db = database.counts();
        StreamResult run = write(
                "writeWithPool",
                db,
                "(connections opened so far, open now, borrowed now)",
                poolState(db),
                WriteOutDStream::writeWithPool,
                FIVE_BATCHES);
        assertFiveBatches(run);
        for (int k = 1; k <= FIVE_BATCHES.size(); k++) {
            long opened = (Long) run.observed().batch(k).get(0).get(0);
            assertThat(opened)
                    .as(
                            "connections opened after batch %d: the pool of %d makes them once and keeps them"
                                    + " open (one pool per JVM, made on first use)%n%s",
                            k, db.poolSize(), run.observed())
                    .isBetween(1L, (long) db.poolSize());
        }
    }

    @Test
    void every_borrowed_connection_goes_back_to_the_pool() {
        DbSettings db = database.counts();
        StreamResult run = write(
                "writeWithPool",
                db,
                "(connections opened so far, open now, borrowed now)",
                poolState(db),
                WriteOutDStream::writeWithPool,
                FIVE_BATCHES);
        assertFiveBatches(run);
        for (int k = 1; k <= FIVE_BATCHES.size(); k++) {
            List<Object> state = run.observed().batch(k).get(0);
            assertThat((Long) state.get(2))
                    .as(
                            "connections still borrowed after batch %d (close() gives a pooled"
                                    + " connection back)%n%s",
                            k, run.observed())
                    .isZero();
            assertThat((Long) state.get(1))
                    .as("connections open after batch %d: only the pool's%n%s", k, run.observed())
                    .isBetween(1L, (long) db.poolSize());
        }
    }

    @Test
    void the_writers_write_in_the_tasks_not_on_the_driver() throws Exception {
        // the database sees the thread of each row it is sent: a Spark task's, or the driver's (after a collect)
        List<List<String>> batches = List.of(List.of("hello world", "to be"), List.of("the cat sat", "on the mat"));
        Map<String, BiConsumer<JavaPairDStream<String, Long>, DbSettings>> writers = new LinkedHashMap<>();
        writers.put("writePerRecord", WriteOutDStream::writePerRecord);
        writers.put("writePerPartition", WriteOutDStream::writePerPartition);
        writers.put("writeWithPool", WriteOutDStream::writeWithPool);
        for (Map.Entry<String, BiConsumer<JavaPairDStream<String, Long>, DbSettings>> writer : writers.entrySet()) {
            DbSettings db =
                    database.createCountsTable("counts_" + writer.getKey().toLowerCase(java.util.Locale.ROOT));
            database.watch(db);
            StreamResult run = write(
                    writer.getKey(),
                    db,
                    "(rows written so far, of them from the driver, outside any task)",
                    sc -> new Tuple2<>(RowTrigger.written(db.table()), RowTrigger.writtenOutsideTasks(db.table())),
                    writer.getValue(),
                    batches);
            run.assertBatches(
                    rows(row("hello", 1), row("world", 1), row("to", 1), row("be", 1)),
                    rows(row("the", 2), row("cat", 1), row("sat", 1), row("on", 1), row("mat", 1)));
            // each record is written by the task of its partition (rdd.foreach, foreachPartition), never by
            // the driver: a collect() brings the whole batch to one JVM
            run.observed().assertBatches(rows(row(4, 0)), rows(row(9, 0)));
        }
    }

    /**
     * Runs {@code writer} on one batch, "hello world" (hello and world both in partition 0, so one task
     * writes), into a table that has been dropped: the batch must fail. Returns what the database said.
     * (A missing table, and not a broken connection: a pool throws a broken connection away by itself.)
     */
    private String failedWrite(
            String exercise, DbSettings db, BiConsumer<JavaPairDStream<String, Long>, DbSettings> writer)
            throws Exception {
        database.dropCountsTable();
        Throwable failure = catchThrowable(() -> write(
                exercise,
                db,
                "(connections opened so far, still open)",
                openedAndOpen(db),
                writer,
                List.of(List.of("hello world"))));
        if (MissingSolutionException.isMissingSolution(failure)) {
            throw new IllegalStateException(failure);
        }
        if (failure == null) {
            throw new AssertionFailedError("Lab 10 WriteOutDStream." + exercise
                    + ": the batch [hello world] went through," + " though its table " + db.table()
                    + " is missing: let the database's exception out of the task");
        }
        Throwable said = Connections.sqlCause(failure);
        return String.valueOf((said == null ? failure : said).getMessage())
                .lines()
                .findFirst()
                .orElse("");
    }

    @Test
    void a_failed_write_gives_its_connection_back_to_the_pool() throws Exception {
        DbSettings db = database.counts();
        String failure = failedWrite("writeWithPool", db, WriteOutDStream::writeWithPool);
        assertThat(ConnectionPool.getInstance(db).getHikariPoolMXBean().getActiveConnections())
                .as(
                        "Lab 10 WriteOutDStream.writeWithPool, one batch [hello world] (both words in partition 0) into the"
                                + " table %s, which is missing; the batch failed, as it must (%s). Connections still borrowed from"
                                + " the pool after it: close() gives a connection back also when the write throws"
                                + " (try-with-resources), or the pool runs dry",
                        db.table(), failure)
                .isZero();
    }

    @Test
    void a_failed_write_per_partition_closes_its_connection() throws Exception {
        DbSettings db = database.counts();
        String failure = failedWrite("writePerPartition", db, WriteOutDStream::writePerPartition);
        assertThat(List.of(Connections.stillOpen(db), (long) Connections.openSessions(db)))
                .as(
                        "Lab 10 WriteOutDStream.writePerPartition, one batch [hello world] (both words in partition 0) into"
                                + " the table %s, which is missing; the batch failed, as it must (%s). Connections never"
                                + " closed, and sessions the database has open, after it: close the connection also when"
                                + " the write throws (try-with-resources)",
                        db.table(), failure)
                .containsExactly(0L, 0L);
    }

    /** Until each thread waits at a monitor or has ended (a getInstance that takes no lock), 10 s at most. */
    private static void awaitBlockedOrDone(List<Thread> threads) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline
                && !threads.stream()
                        .allMatch(
                                t -> t.getState() == Thread.State.BLOCKED || t.getState() == Thread.State.TERMINATED)) {
            Thread.onSpinWait();
        }
    }
}
