package streamlab.lab08;

import java.nio.file.Path;
import java.time.ZoneId;
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
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamlab.support.Api;
import streamlab.support.Checkpoints;
import streamlab.support.LabMain;
import streamlab.support.LabOptions;
import streamlab.support.LabSpark;
import streamlab.support.LabUsageException;
import streamlab.support.LineServer;
import streamlab.support.Running;

/** Lab 08: counts of random numbers per window of 30 s every 15 s; event time, a watermark and append mode. */
@Command(name = "Lab08", mixinStandardHelpOptions = true,
        description = "Random numbers 0..10 counted in windows of 30 s every 15 s: event-time windows with a 15 s"
                + " watermark in append mode (console or CSV, a folder per window) with Structured Streaming,"
                + " windows of arrival batches with DStreams.",
        footer = {"", "Examples:",
                "  ./lab 08 --random 0..10 --rate 0.5 --seconds 90       (a number every 2 s, both APIs)",
                "  ./lab 08 --api structured --random 0..10 --rate 0.5 --sink csv --seconds 90",
                "  ./lab 08 --api structured --random 0..10 --rate 0.5 --windows tumbling",
                "  ./lab 08 --api structured --random 0..10 --rate 0.5 --no-watermark   (update mode, the state grows)",
                "  ./lab 08 --api dstream --random 0..10 --rate 0.5 --incremental",
                "  netcat-sim/nc -lk 9999 --random 0..10 --every 2s   (or a server of your own, then: ./lab 08)"})
public final class Lab08 implements Callable<Integer> {

    enum Sink { console, csv }

    enum Windows { sliding, tumbling }

    @Mixin
    LabOptions options;

    @Option(names = "--sink", defaultValue = "console", paramLabel = "console|csv",
            description = "Structured: console (a 15 s trigger) or csv (a 10 s trigger, a folder per window)"
                    + " (default: ${DEFAULT-VALUE}).")
    Sink sink;

    @Option(names = "--output", defaultValue = "output/lab08", paramLabel = "DIR",
            description = "The CSV sink's folder, emptied at the start (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--windows", defaultValue = "sliding", paramLabel = "sliding|tumbling",
            description = "Structured: sliding (valueCounts, 30 s every 15 s) or tumbling (tumblingCounts, 30 s)"
                    + " (default: ${DEFAULT-VALUE}).")
    Windows windows;

    @Option(names = "--no-watermark",
            description = "Structured: countsWithoutWatermark in update mode (console only); watch the state grow.")
    boolean noWatermark;

    @Option(names = "--incremental",
            description = "DStream: incrementalValueCounts (an inverse function, a checkpoint) instead of valueCounts.")
    boolean incremental;

    @Override
    public Integer call() throws Exception {
        if (noWatermark && (sink == Sink.csv || windows == Windows.tumbling)) {
            throw new LabUsageException("--no-watermark runs in update mode, which only the console sink and the"
                    + " sliding windows take: drop --sink csv and --windows tumbling.");
        }
        Path checkpoint = SinkFolders.checkpoint(options.checkpoint("checkpoints/lab08"));
        try (SparkSession spark = LabSpark.start("Lab 08 event time, watermarks, append mode", options);
             LineServer server = LineServer.from(options);
             Running running = Running.of(options)) {
            spark.streams().addListener(new WatermarkReport());
            running.start(Api.DSTREAM, () -> dstream(spark, server, checkpoint.resolve("dstream")));
            running.start(Api.STRUCTURED, () -> structured(spark, server, checkpoint.resolve("structured-" + sink)));
            server.replayTo(running.readers());
            running.awaitEnd();
        }
        if (sink == Sink.csv && options.api.includes(Api.STRUCTURED)) {
            SinkFolders.printWindows(output);
        }
        return 0;
    }

    /** DStream: 5 s batches; every 15 s the counts of the batches of the last 30 s, named by the window. */
    private JavaStreamingContext dstream(SparkSession spark, LineServer server, Path checkpoint) {
        int batch = SinkFolders.slideMultiple(options.batchSeconds(5), 15);
        JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.seconds(batch));
        ssc.checkpoint(checkpoint.toString()); // the inverse function keeps the previous window's counts
        JavaDStream<String> lines = ssc.socketTextStream(server.host(), server.port(), StorageLevel.MEMORY_AND_DISK_SER());
        JavaPairDStream<Integer, Long> counts = incremental
                ? WindowAppendDStream.incrementalValueCounts(lines)
                : WindowAppendDStream.valueCounts(lines);
        WindowAppendDStream.windowRows(counts, ZoneId.systemDefault()).print(20);
        ssc.start();
        return ssc;
    }

    /** Structured: each line stamped with the time it was read; counts per event-time window, in append mode. */
    private StreamingQuery structured(SparkSession spark, LineServer server, Path checkpoint) throws Exception {
        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", server.host())
                .option("port", server.port())
                .option("includeTimestamp", true) // columns value and timestamp
                .load();
        Dataset<Row> counts = noWatermark ? WindowAppendStructured.countsWithoutWatermark(lines)
                : windows == Windows.tumbling ? WindowAppendStructured.tumblingCounts(lines)
                : WindowAppendStructured.valueCounts(lines);
        if (sink == Sink.csv) {
            return WindowAppendStructured.csvSink(counts, SinkFolders.freshCsvOutput(output))
                    .option("checkpointLocation", Checkpoints.freshForSocket(checkpoint))
                    .trigger(Trigger.ProcessingTime(options.batchSeconds(10), TimeUnit.SECONDS))
                    .start();
        }
        return counts.writeStream()
                .outputMode(noWatermark ? "update" : "append")
                .format("console")
                .queryName("lab08_window_counts")
                .option("truncate", false)
                .option("numRows", 100)
                .option("checkpointLocation", Checkpoints.freshForSocket(checkpoint))
                .trigger(Trigger.ProcessingTime(options.batchSeconds(15), TimeUnit.SECONDS))
                .start();
    }

    public static void main(String[] args) {
        LabMain.run(new Lab08(), args);
    }
}
