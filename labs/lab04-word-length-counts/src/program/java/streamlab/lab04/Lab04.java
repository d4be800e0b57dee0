package streamlab.lab04;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamlab.support.Api;
import streamlab.support.Checkpoints;
import streamlab.support.LabMain;
import streamlab.support.LabOptions;
import streamlab.support.LabSpark;
import streamlab.support.LineServer;
import streamlab.support.Running;
import streamlab.support.WindowText;

/** Lab 04: word-length counts in sliding windows of 5 s every 2 s, and the total number of words read. */
@Command(name = "Lab04", mixinStandardHelpOptions = true,
        description = "Word lengths in sliding windows of 5 s every 2 s, and a running total of the words read,"
                + " with DStreams and with Structured Streaming.",
        footer = {"", "Examples:",
                "  netcat-sim/nc -lk 9999                 (in another terminal, then type lines)",
                "  ./lab 04 --api dstream",
                "  ./lab 04 --api structured --mode complete",
                "  netcat-sim/nc -lk 9999 --script datasets/scripts/lab04-one-line.script",
                "  ./lab 04 --replay datasets/lines/hamlet.txt --seconds 30"})
public final class Lab04 implements Callable<Integer> {

    enum Mode { append, complete }

    @Mixin
    LabOptions options;

    @Option(names = "--mode", defaultValue = "append",
            description = "Output mode of the Structured windowed counts: append (each window once, when it is"
                    + " final) or complete (every window after every trigger) (default: ${DEFAULT-VALUE})."
                    + " The running total is always shown in complete mode.")
    Mode mode;

    @Override
    public Integer call() throws Exception {
        Path checkpoint = options.checkpoint("checkpoints/lab04");
        try (SparkSession spark = LabSpark.start("Lab 04 word-length counts", options);
             LineServer server = LineServer.from(options);
             Running running = Running.of(options)) {
            running.start(Api.DSTREAM, () -> dstream(spark, server, checkpoint.resolve("dstream")));
            // one query has one result table: the windowed counts and the total are two queries
            running.start(Api.STRUCTURED, () -> lengths(spark, server, checkpoint.resolve("structured")));
            running.start(Api.STRUCTURED, () -> total(spark, server, checkpoint.resolve("structured-total")));
            server.replayTo(running.readers());
            running.awaitEnd();
        }
        return 0;
    }

    /** DStream: 1 s batches; every 2 s the lengths of the last 5 s, and after every batch the total. */
    private JavaStreamingContext dstream(SparkSession spark, LineServer server, Path checkpoint) {
        JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.seconds(options.batchSeconds(1)));
        ssc.checkpoint(checkpoint.toString()); // the total is kept with updateStateByKey
        JavaDStream<String> lines = ssc.socketTextStream(server.host(), server.port(), StorageLevel.MEMORY_AND_DISK_SER());
        WordLengthsDStream.lengthCounts(lines).transformToPair(rdd -> rdd.sortByKey()).print(20);
        WordLengthsDStream.totalWords(lines).map(total -> "words read so far: " + total).print();
        ssc.start();
        return ssc;
    }

    /** Structured: the word lengths per event-time window. */
    private StreamingQuery lengths(SparkSession spark, LineServer server, Path checkpoint) throws Exception {
        return WindowText.readable(WordLengthsStructured.lengthCounts(socketLines(spark, server)))
                .writeStream()
                .queryName("lengths")
                .outputMode(mode.name())
                .format("console")
                .option("truncate", false)
                .option("numRows", 100)
                .option("checkpointLocation", Checkpoints.freshForSocket(checkpoint))
                .trigger(Trigger.ProcessingTime(options.batchSeconds(1), TimeUnit.SECONDS))
                .start();
    }

    /** Structured: the number of words read so far (a second query, reading the socket on its own). */
    private StreamingQuery total(SparkSession spark, LineServer server, Path checkpoint) throws Exception {
        return WordLengthsStructured.totalWords(socketLines(spark, server))
                .writeStream()
                .queryName("total")
                .outputMode("complete")
                .format("console")
                .option("checkpointLocation", Checkpoints.freshForSocket(checkpoint))
                .trigger(Trigger.ProcessingTime(options.batchSeconds(1), TimeUnit.SECONDS))
                .start();
    }

    private static Dataset<Row> socketLines(SparkSession spark, LineServer server) {
        return spark.readStream()
                .format("socket")
                .option("host", server.host())
                .option("port", server.port())
                .option("includeTimestamp", true) // a column timestamp: when the line was read
                .load();
    }

    public static void main(String[] args) {
        LabMain.run(new Lab04(), args);
    }
}
