package streamlab.lab05;

import static org.assertj.core.api.Assertions.assertThat;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.OptionConverters;
import streamlab.harness.DStreamScript;
import streamlab.harness.DriverSingletons;
import streamlab.harness.LabTest;
import streamlab.harness.StreamResult;
import streamlab.harness.TestSpark;
import streamlab.support.Api;

@LabTest(lab = "05", api = Api.DSTREAM)
class Lab05DStreamTest {

    /** Every test starts as a new driver would: no broadcast, no accumulator yet. */
    @RegisterExtension
    static final DriverSingletons SINGLETONS = DriverSingletons.of(ExcludeList.class, DroppedWords.class);

    @BeforeEach
    void default_words() {
        ExcludeWords.useDefault();
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static DStreamScript<String> script(List<String>... batches) {
        return DStreamScript.lines(batches)
                .title("Lab 05 ExcludeDStream.keptCounts (default exclude list: a an and in is it of the to)")
                .probe(
                        "DroppedWords.getInstance(sc).value()",
                        sc -> DroppedWords.getInstance(sc).value());
    }

    @Test
    void leaves_out_the_excluded_words_and_counts_them_in_the_accumulator() {
        StreamResult run = script(List.of("The cat and the hat", "a cat"), List.of(), List.of("to be or not to be"))
                .runPairs(ExcludeDStream::keptCounts);
        run.assertBatches(rows(row("cat", 2), row("hat", 1)), none(), rows(row("be", 2), row("or", 1), row("not", 1)));
        // the accumulator is a running total: the, and, the, a; nothing; to, to
        run.observed().assertBatches(rows(row(4)), rows(row(4)), rows(row(6)));
    }

    @Test
    void matches_whole_words_whatever_the_case_punctuation_script_or_line_length() {
        String longLine = "the ".repeat(20_000) + "end";
        StreamResult run = script(List.of(
                        "The THE the, theatre Then",
                        "ANd an't an",
                        "",
                        "  \t ",
                        "It's it in Inn",
                        "Ça, c'est à toi 東京",
                        longLine))
                .runPairs(ExcludeDStream::keptCounts);
        run.assertBatches(rows(
                row("theatre", 1),
                row("then", 1),
                row("an't", 1),
                row("it's", 1),
                row("inn", 1),
                row("ça", 1),
                row("c'est", 1),
                row("à", 1),
                row("toi", 1),
                row("東京", 1),
                row("end", 1)));
        // the x3, and, an, it, in, and 20,000 times the
        run.observed().assertBatches(rows(row(20_007)));
    }

    @Test
    void counts_each_dropped_word_once_even_when_two_output_operations_use_the_counts() {
        StreamResult run = script(List.of("the cat and the hat"), List.of("a dog in the fog"))
                .runPairs(lines -> {
                    JavaPairDStream<String, Long> kept = ExcludeDStream.keptCounts(lines);
                    // a second output operation, as a program that prints and also saves the counts has:
                    // every batch runs two jobs on the same RDD
                    kept.foreachRDD(rdd -> {
                        rdd.count();
                    });
                    return kept;
                });
        run.assertBatches(rows(row("cat", 1), row("hat", 1)), rows(row("dog", 1), row("fog", 1)));
        run.observed().assertBatches(rows(row(3)), rows(row(6)));
    }

    @Test
    void leaves_out_the_words_of_an_exclude_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("exclude.txt");
        Files.writeString(
                file, "# words about this course\nSpark\n\n  streaming, DStream  # and more\n", StandardCharsets.UTF_8);
        ExcludeWords.use(ExcludeWords.load(file));
        StreamResult run = script(List.of("Spark Streaming is fun"), List.of("the SPARK of DStreams"))
                .runPairs(ExcludeDStream::keptCounts);
        run.assertBatches(rows(row("is", 1), row("fun", 1)), rows(row("the", 1), row("of", 1), row("dstreams", 1)));
        run.observed().assertBatches(rows(row(2)), rows(row(3)));
    }

    @Test
    void creates_the_broadcast_and_the_accumulator_once_and_hands_out_the_same_ones() throws Exception {
        JavaSparkContext sc = TestSpark.context();
        Broadcast<Set<String>> excluded = ExcludeList.getInstance(sc);
        assertThat(ExcludeList.getInstance(sc)).as("a second getInstance").isSameAs(excluded);
        assertThat(excluded.value())
                .as("the broadcast words")
                .containsExactlyInAnyOrder("a", "an", "and", "in", "is", "it", "of", "the", "to");
        LongAccumulator dropped = DroppedWords.getInstance(sc);
        assertThat(DroppedWords.getInstance(sc)).as("a second getInstance").isSameAs(dropped);
        assertThat(dropped.value()).as("a new accumulator").isZero();

        // Two batches, or a batch and the program's output, may ask at the same moment: still one of each.
        SINGLETONS.forget();
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Object>>> asked = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<List<Object>> ask = () -> {
                    go.await();
                    return List.of(ExcludeList.getInstance(sc), DroppedWords.getInstance(sc));
                };
                asked.add(pool.submit(ask));
            }
            go.countDown();
            Map<Object, Boolean> broadcasts = new IdentityHashMap<>();
            Map<Object, Boolean> accumulators = new IdentityHashMap<>();
            for (Future<List<Object>> f : asked) {
                List<Object> got = f.get(60, TimeUnit.SECONDS);
                broadcasts.put(got.get(0), true);
                accumulators.put(got.get(1), true);
            }
            assertThat(broadcasts)
                    .as("broadcasts handed out to %d threads asking at once", threads)
                    .hasSize(1);
            assertThat(accumulators)
                    .as("accumulators handed out to %d threads asking at once", threads)
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The Spark web UI lists a named accumulator with its value, under the name the README gives. */
    @Test
    void names_the_accumulator_dropped_words() {
        LongAccumulator dropped = DroppedWords.getInstance(TestSpark.context());
        assertThat(OptionConverters.toJava(dropped.name()))
                .as("the name of the accumulator DroppedWords makes")
                .contains(DroppedWords.NAME);
    }

    /**
     * On a cluster the tasks run in executor JVMs, where {@code ExcludeWords.current()} is the default list:
     * {@code --exclude FILE} is read by the driver alone. Only the broadcast carries the driver's words to
     * the tasks. Here the broadcast is made with a list of the driver's own ("cat"), and the test's JVM,
     * where the tasks run, is then set back to the default list, as an executor's is.
     */
    @Test
    void the_tasks_leave_out_the_broadcast_words_not_their_own_jvms_list() {
        ExcludeWords.use(List.of("cat"));
        ExcludeList.getInstance(TestSpark.context()); // what the first batch would make: the list with "cat"
        ExcludeWords.useDefault(); // what an executor JVM has
        StreamResult run = DStreamScript.lines(List.of("the cat and the hat", "a cat"), List.of("cat"))
                .title("Lab 05 ExcludeDStream.keptCounts (the broadcast lists only: cat; the tasks' JVM has the"
                        + " default list: a an and in is it of the to)")
                .probe(
                        "DroppedWords.getInstance(sc).value()",
                        sc -> DroppedWords.getInstance(sc).value())
                .runPairs(ExcludeDStream::keptCounts);
        run.assertBatches(rows(row("the", 2), row("and", 1), row("hat", 1), row("a", 1)), none());
        run.observed().assertBatches(rows(row(2)), rows(row(3)));
    }

    @Test
    void a_restart_from_the_checkpoint_creates_the_exclude_list_again_and_goes_on_counting() {
        JavaSparkContext sc = TestSpark.context();
        long[] broadcastBeforeRestart = {-1};
        StreamResult run = script(
                        List.of("the cat sat on the mat"),
                        List.of("a dog and a cat"),
                        List.of("the cat came back"),
                        List.of("It is what it is"))
                .restartAfter(2)
                .onRestart(() -> {
                    // A new driver JVM has neither: the old broadcast is gone, the total is lost.
                    broadcastBeforeRestart[0] = ExcludeList.getInstance(sc).id();
                    SINGLETONS.forget();
                    // And the program is started again with an exclude file that now also lists "cat".
                    ExcludeWords.use(List.of("a", "an", "and", "in", "is", "it", "of", "the", "to", "cat"));
                })
                .runPairs(ExcludeDStream::keptCounts);
        run.assertBatches(
                rows(row("cat", 1), row("sat", 1), row("on", 1), row("mat", 1)),
                rows(row("dog", 1), row("cat", 1)),
                rows(row("dog", 1)), // batch 2 again (the checkpoint did not record it as done), new list
                rows(row("came", 1), row("back", 1)),
                rows(row("what", 1)));
        // 2, then 3 more; after the restart a new accumulator counts batch 2 again (4), then 2 and 4 more
        run.observed().assertBatches(rows(row(2)), rows(row(5)), rows(row(4)), rows(row(6)), rows(row(10)));
        assertThat(ExcludeList.getInstance(sc).id())
                .as("the broadcast after the restart")
                .isNotEqualTo(broadcastBeforeRestart[0]);
    }

    @Test
    void counts_kept_and_dropped_words_of_both_partitions_of_a_batch() {
        StreamResult run = script(
                        List.of("the cat the cat", "the cat the cat", "the cat the cat", "the cat the cat"),
                        List.of("cat the", "cat", "the cat the cat", "cat"))
                .runPairs(ExcludeDStream::keptCounts);
        run.assertBatches(rows(row("cat", 8)), rows(row("cat", 5)));
        run.observed().assertBatches(rows(row(8)), rows(row(11)));
    }

    @Test
    void two_threads_that_both_found_no_instance_still_get_one_broadcast_and_one_accumulator() throws Exception {
        // The lock getInstance creates the singleton under is held here, so both threads find no instance,
        // then wait at the lock: the one that enters second must see what the first one made.
        JavaSparkContext sc = TestSpark.context();
        Map<Class<?>, Callable<Object>> getInstance = Map.of(
                ExcludeList.class, () -> ExcludeList.getInstance(sc),
                DroppedWords.class, () -> DroppedWords.getInstance(sc));
        for (Map.Entry<Class<?>, Callable<Object>> singleton : getInstance.entrySet()) {
            SINGLETONS.forget();
            List<FutureTask<Object>> asked =
                    List.of(new FutureTask<>(singleton.getValue()), new FutureTask<>(singleton.getValue()));
            List<Thread> threads = asked.stream().map(Thread::new).toList();
            synchronized (singleton.getKey()) {
                threads.forEach(Thread::start);
                awaitBlockedOrDone(threads);
            }
            try {
                Object first = asked.get(0).get(60, TimeUnit.SECONDS);
                Object second = asked.get(1).get(60, TimeUnit.SECONDS);
                assertThat(second)
                        .as(
                                "%s.getInstance in two threads that both found no instance",
                                singleton.getKey().getSimpleName())
                        .isSameAs(first);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
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
