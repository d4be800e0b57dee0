package streamlab.lab03;

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

/** Lab 03: word counts in sliding windows of 5 s every 2 s, by arrival (DStream) and by event time (Structured). */
@Command(name = "Lab03", mixinStandardHelpOptions = true,
        description = "Sliding windows of 5 s every 2 s: batches of the last 5 s with DStreams, event-time windows"
                + " with a watermark with Structured Streaming.",
        footer = {"", "Examples:",
                "  netcat-sim/nc -lk 9999                           (in another terminal, then type lines)",
                "  ./lab 03 --api dstream",
                "  ./lab 03 --api dstream --incremental             (reduceByKeyAndWindow with an inverse function)",
                "  ./lab 03 --api structured --mode complete",
                "  netcat-sim/nc -lk 9999 --random 0..10 --every 2s",
                "  ./lab 03 --api structured                        (count the numbers per window, append mode)",
                "  ./lab 03 --replay datasets/lines/hamlet.txt --seconds 30"})
public final class Lab03 implements Callable<Integer> {

    enum Mode { append, complete }

    @Mixin
    LabOptions options;

    @Option(names = "--mode", defaultValue = "append",
            description = "Output mode of the Structured query: append (watermarkedCounts, each window once, when"
                    + " it is final) or complete (windowCounts, every window after every trigger)"
                    + " (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--incremental",
            description = "DStream: incrementalCountsDroppingZeros (reduceByKeyAndWindow with an inverse function)"
                    + " instead of windowCounts.")
    boolean incremental;

    @Override
    public Integer call() throws Exception {
        Path checkpoint = options.checkpoint("checkpoints/lab03");
        try (SparkSession spark = LabSpark.start("Lab 03 sliding windows", options);
             LineServer server = LineServer.from(options);
             Running running = Running.of(options)) {
            running.start(Api.DSTREAM, () -> dstream(spark, server, checkpoint.resolve("dstream")));
            running.start(Api.STRUCTURED, () -> structured(spark, server, checkpoint.resolve("structured")));
            server.replayTo(running.readers());
            running.awaitEnd();
        }
        return 0;
    }

    /** DStream: 1 s batches; every 2 s the counts of the last 5 s of batches. */
    private JavaStreamingContext dstream(SparkSession spark, LineServer server, Path checkpoint) {
        JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.seconds(options.batchSeconds(1)));
        ssc.checkpoint(checkpoint.toString()); // the inverse function keeps the previous window's counts
        JavaDStream<String> lines = ssc.socketTextStream(server.host(), server.port(), StorageLevel.MEMORY_AND_DISK_SER());
        (incremental ? SlidingWindowsDStream.incrementalCountsDroppingZeros(lines)
                : SlidingWindowsDStream.windowCounts(lines)).print();
        ssc.start();
        return ssc;
    }

    /** Structured: each line stamped with its arrival time; counts per event-time window. */
    private StreamingQuery structured(SparkSession spark, LineServer server, Path checkpoint) throws Exception {
        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", server.host())
                .option("port", server.port())
                .option("includeTimestamp", true) // a column timestamp: when the line was read
                .load();
        Dataset<Row> counts = mode == Mode.append
                ? SlidingWindowsStructured.watermarkedCounts(lines)
                : SlidingWindowsStructured.windowCounts(lines);
        return WindowText.readable(counts) // the window as 10:15:02-10:15:07
                .writeStream()
                .outputMode(mode.name())
                .format("console")
                .option("truncate", false)
                .option("numRows", 100)
                .option("checkpointLocation", Checkpoints.freshForSocket(checkpoint))
                .trigger(Trigger.ProcessingTime(options.batchSeconds(1), TimeUnit.SECONDS))
                .start();
    }

    public static void main(String[] args) {
        LabMain.run(new Lab03(), args);
    }
}
