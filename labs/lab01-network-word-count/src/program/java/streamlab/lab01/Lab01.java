package streamlab.lab01;

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
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamlab.support.Api;
import streamlab.support.LabMain;
import streamlab.support.LabOptions;
import streamlab.support.LabSpark;
import streamlab.support.LineServer;
import streamlab.support.Running;
import streamlab.support.SqlAfterEachBatch;

/** Lab 01: counts the words of a socket stream, in either API or both side by side. */
@Command(name = "Lab01", mixinStandardHelpOptions = true,
        description = "Network word count: per batch with DStreams, for the whole stream with Structured Streaming.",
        footer = {"", "Examples:",
                "  netcat-sim/nc -lk 9999                 (in another terminal, then type lines)",
                "  ./lab 01 --api dstream",
                "  ./lab 01 --api structured --mode update",
                "  ./lab 01 --api structured --sink memory",
                "  ./lab 01 --replay datasets/lines/hamlet.txt --seconds 30"})
public final class Lab01 implements Callable<Integer> {

    enum Mode { complete, update }

    enum Sink { console, memory }

    @Mixin
    LabOptions options;

    @Option(names = "--mode", defaultValue = "complete",
            description = "Output mode of the Structured query: complete or update (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--sink", defaultValue = "console",
            description = "Where the Structured counts go: console, or memory: the table word_counts, read with"
                    + " spark.sql after every micro-batch (default: ${DEFAULT-VALUE}).")
    Sink sink;

    @Override
    public Integer call() throws Exception {
        try (SparkSession spark = LabSpark.start("Lab 01 network word count", options);
             LineServer server = LineServer.from(options);
             Running running = Running.of(options)) {
            running.start(Api.DSTREAM, () -> dstream(spark, server));
            running.start(Api.STRUCTURED, () -> structured(spark, server));
            server.replayTo(running.readers());
            running.awaitEnd();
        }
        return 0;
    }

    /** DStream: the counts of each batch, printed at the end of the batch. */
    private JavaStreamingContext dstream(SparkSession spark, LineServer server) {
        JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.seconds(options.batchSeconds(5)));
        // MEMORY_AND_DISK_SER: one copy of each received block (the default asks for a second copy,
        // on another executor, which one machine does not have)
        JavaDStream<String> lines = ssc.socketTextStream(server.host(), server.port(), StorageLevel.MEMORY_AND_DISK_SER());
        WordCountDStream.wordCounts(lines).print();
        ssc.start();
        return ssc;
    }

    /** Structured: the counts of the whole stream, on the console (or in a memory table) after every trigger. */
    private StreamingQuery structured(SparkSession spark, LineServer server) throws Exception {
        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", server.host())
                .option("port", server.port())
                .load();
        DataStreamWriter<Row> counts = WordCountStructured.wordCounts(lines)
                .writeStream()
                .outputMode(mode.name())
                .trigger(Trigger.ProcessingTime(options.batchSeconds(5), TimeUnit.SECONDS));
        if (sink == Sink.memory) { // a table named by the query, that spark.sql reads while the stream runs
            SqlAfterEachBatch.register(spark, "word_counts", "SELECT * FROM word_counts ORDER BY count DESC, word");
            return counts.queryName("word_counts").format("memory").start();
        }
        return counts.format("console").option("truncate", false).start();
    }

    public static void main(String[] args) {
        LabMain.run(new Lab01(), args);
    }
}
