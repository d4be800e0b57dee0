package streamlab.lab02;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import scala.Tuple2;
import streamlab.support.Api;
import streamlab.support.Checkpoints;
import streamlab.support.LabMain;
import streamlab.support.LabOptions;
import streamlab.support.LabSpark;
import streamlab.support.LineServer;
import streamlab.support.Running;

/** Lab 02: running word totals over the whole stream, in either API or both side by side. */
@Command(name = "Lab02", mixinStandardHelpOptions = true,
        description = "Running totals: updateStateByKey / mapWithState with DStreams, an aggregation or"
                + " flatMapGroupsWithState with Structured Streaming. Both checkpoint to checkpoints/lab02.",
        footer = {"", "Examples:",
                "  netcat-sim/nc -lk 9999                 (in another terminal, then type lines)",
                "  ./lab 02 --api dstream",
                "  ./lab 02 --api structured --mode update",
                "  ./lab 02 --api structured --with-state",
                "  ./lab 02 --last-seen",
                "  ./lab 02 --replay datasets/lines/hamlet.txt --seconds 30"})
public final class Lab02 implements Callable<Integer> {

    enum Mode { complete, update }

    /** How many words a batch prints: the DStream print() and the console sink both stop there. */
    private static final int SHOWN = 10;

    @Mixin
    LabOptions options;

    @Option(names = "--mode", defaultValue = "complete",
            description = "complete: every word's total after each batch (DStream updateStateByKey, Structured"
                    + " complete mode); update: only the words of the batch (DStream mapWithState, Structured"
                    + " update mode). Default: ${DEFAULT-VALUE}.")
    Mode mode;

    @Option(names = "--with-state",
            description = "Structured: keep the totals yourself with flatMapGroupsWithState (update mode).")
    boolean withState;

    @Option(names = "--last-seen", description = "Instead of totals: each word with the time it last came"
            + " (DStream: the batch's time in ms; Structured: the line's arrival time), in update mode.")
    boolean lastSeen;

    @Override
    public Integer call() throws Exception {
        Path checkpoint = options.checkpoint("checkpoints/lab02");
        try (SparkSession spark = LabSpark.start("Lab 02 running totals", options);
             LineServer server = LineServer.from(options);
             Running running = Running.of(options)) {
            running.start(Api.DSTREAM, () -> dstream(spark, server, checkpoint.resolve("dstream")));
            running.start(Api.STRUCTURED, () -> structured(spark, server, checkpoint.resolve("structured")));
            server.replayTo(running.readers());
            running.awaitEnd();
        }
        return 0;
    }

    /** DStream: the totals (updateStateByKey, or mapWithState with --mode update) and the words so far. */
    private JavaStreamingContext dstream(SparkSession spark, LineServer server, Path checkpoint) {
        JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.seconds(options.batchSeconds(5)));
        ssc.checkpoint(checkpoint.toString()); // where the state of every key is saved
        JavaDStream<String> lines = ssc.socketTextStream(server.host(), server.port(), StorageLevel.MEMORY_AND_DISK_SER());
        JavaPairDStream<String, Long> totals = lastSeen ? RunningTotalsDStream.lastSeen(lines)
                : mode == Mode.complete ? RunningTotalsDStream.totals(lines) : RunningTotalsDStream.updatedTotals(lines);
        biggestFirst(totals).print(SHOWN);
        RunningTotalsDStream.wordsSoFar(lines).map(n -> "words so far: " + n).print();
        ssc.start();
        return ssc;
    }

    /** Structured: the totals in complete or update mode, or kept by flatMapGroupsWithState. */
    private StreamingQuery structured(SparkSession spark, LineServer server, Path checkpoint) throws Exception {
        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", server.host())
                .option("port", server.port())
                .option("includeTimestamp", true) // a column timestamp: when each line was read
                .load();
        DataStreamWriter<Row> writer;
        if (lastSeen) {
            writer = RunningTotalsStructured.lastSeen(lines).writeStream().outputMode("update");
        } else if (withState) {
            writer = RunningTotalsStructured.totalsWithState(lines).writeStream().outputMode("update");
        } else if (mode == Mode.update) {
            writer = RunningTotalsStructured.updatedTotals(lines); // the exercise picks update mode itself
        } else {
            // complete mode may sort the result table: show the biggest totals first
            writer = RunningTotalsStructured.totals(lines).orderBy(col("count").desc(), col("word"))
                    .writeStream().outputMode("complete");
        }
        return writer
                .format("console")
                .option("truncate", false)
                .option("numRows", SHOWN)
                .option("checkpointLocation", Checkpoints.freshForSocket(checkpoint)) // where the state is saved
                .trigger(Trigger.ProcessingTime(options.batchSeconds(5), TimeUnit.SECONDS))
                .start();
    }

    /** Sorts each batch's pairs by total, biggest first, so print() shows the top words. */
    private static JavaPairDStream<String, Long> biggestFirst(JavaPairDStream<String, Long> totals) {
        return totals.transformToPair(rdd -> rdd.mapToPair(Tuple2::swap).sortByKey(false).mapToPair(Tuple2::swap));
    }

    public static void main(String[] args) {
        LabMain.run(new Lab02(), args);
    }
}
