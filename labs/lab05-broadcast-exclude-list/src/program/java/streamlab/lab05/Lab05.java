package streamlab.lab05;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.streaming.Time;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import scala.Tuple2;
import streamlab.support.LabOptions;
import streamlab.support.LabProgram;

/** Lab 05: word counts without the words of an exclude list, and a count of the words left out. */
@Command(name = "Lab05", mixinStandardHelpOptions = true,
        description = {"Broadcast exclude list and accumulator of dropped words: a broadcast variable and a"
                + " LongAccumulator, both lazily created singletons, with DStreams; a broadcast join and an"
                + " observed metric with Structured Streaming.",
                "The DStream context is recovered from checkpoints/lab05/dstream when you start the program"
                + " again (delete the directory to start afresh)."},
        footer = {"", "Examples:",
                "  netcat-sim/nc -lk 9999                 (in another terminal, then type lines)",
                "  ./lab 05 --api dstream",
                "  ./lab 05 --api structured --exclude datasets/exclude/stopwords.txt",
                "  ./lab 05 --replay datasets/lines/hamlet.txt --seconds 30"})
public final class Lab05 implements Callable<Integer> {

    /** How many words a batch prints, biggest counts first. */
    private static final int SHOWN = 10;

    /** The DStream side's dropped total after the previous batch (driver memory, like the accumulator). */
    private static long droppedBefore;

    @Mixin
    LabOptions options;

    @Option(names = "--exclude", paramLabel = "FILE",
            description = "The words to leave out: a file with one or more words a line, # starts a comment"
                    + " (default: a, an, and, in, is, it, of, the, to).")
    Path exclude;

    @Override
    public Integer call() {
        if (exclude != null) {
            if (!Files.isRegularFile(exclude) || !Files.isReadable(exclude)) {
                System.err.println("Cannot read " + exclude + ": no such file (paths are relative to "
                        + System.getProperty("user.dir") + ").");
                return 2;
            }
            ExcludeWords.use(ExcludeWords.load(exclude));
        }
        List<String> words = ExcludeWords.current();
        System.out.println("== Leaving out " + words.size() + " words: " + String.join(" ",
                words.size() <= 20 ? words : words.subList(0, 20)) + (words.size() > 20 ? " ..." : ""));
        return LabProgram.of("Lab 05 broadcast exclude list", options)
                .checkpointing("checkpoints/lab05")
                .recoverable()
                .dstream((ssc, lines) -> ExcludeDStream.keptCounts(lines).foreachRDD(Lab05::printBatch))
                .structured(lines -> {
                    SparkSession spark = lines.sparkSession();
                    Dataset<Row> kept =
                            ExcludeStructured.keptCounts(lines, ExcludeWords.table(spark, ExcludeWords.current()));
                    spark.streams().addListener(new DroppedWordsPrinter());
                    // complete mode may sort the result table: show the biggest counts first
                    return kept.orderBy(col("count").desc(), col("word"))
                            .writeStream().outputMode("complete")
                            .format("console").option("truncate", false).option("numRows", SHOWN);
                })
                .run();
    }

    /**
     * The DStream output: one action (collect) runs the batch, so the accumulator is up to date only
     * after it. Reading it before would show the previous batch's total.
     */
    private static void printBatch(JavaPairRDD<String, Long> keptCounts, Time time) {
        List<Tuple2<String, Long>> kept = new ArrayList<>(keptCounts.collect());
        long droppedSoFar = DroppedWords.getInstance(JavaSparkContext.fromSparkContext(keptCounts.context())).value();
        long droppedNow = droppedSoFar - droppedBefore;
        droppedBefore = droppedSoFar;
        kept.sort(Comparator.comparing((Tuple2<String, Long> t) -> -t._2()).thenComparing(Tuple2::_1));
        StringBuilder out = new StringBuilder()
                .append("-------------------------------------------\n")
                .append("Time: ").append(time.milliseconds()).append(" ms (DStream)\n")
                .append("-------------------------------------------\n");
        for (Tuple2<String, Long> t : kept.subList(0, Math.min(SHOWN, kept.size()))) {
            out.append('(').append(t._1()).append(',').append(t._2()).append(")\n");
        }
        if (kept.size() > SHOWN) {
            out.append("... and ").append(kept.size() - SHOWN).append(" more words\n");
        }
        out.append("dropped ").append(droppedNow).append(" words in this batch, ").append(droppedSoFar)
                .append(" since the driver started\n");
        System.out.println(out);
    }

    /** The Structured output of the metric: the query reports it with each micro-batch's progress. */
    private static final class DroppedWordsPrinter extends StreamingQueryListener {
        private long total;

        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            Row metric = event.progress().observedMetrics().get(ExcludeStructured.METRIC);
            if (metric != null) {
                long dropped = metric.getLong(0);
                total += dropped;
                System.out.println("Batch: " + event.progress().batchId() + " (Structured) dropped " + dropped
                        + " words in this micro-batch, " + total + " since the query started");
            }
        }

        @Override
        public void onQueryStarted(QueryStartedEvent event) {}

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) {}
    }

    public static void main(String[] args) {
        LabProgram.exit(new Lab05(), args);
    }
}
