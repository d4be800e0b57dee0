package streamlab.lab13;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
import streamlab.support.LabUsageException;
import streamlab.support.LineServer;
import streamlab.support.Running;

/** Lab 13: user sessions that close after a gap without clicks, from a replay of clicks "user page". */
@Command(name = "Lab13", mixinStandardHelpOptions = true,
        description = "User sessions: the clicks of each user until a gap without clicks closes the session."
                + " DStreams: mapWithState with a timeout, in batch time. Structured Streaming: transformWithState"
                + " with an event-time timer per user, a watermark of 5 s, append mode. Replays"
                + " datasets/clicks/clicks.txt unless --replay or --random says otherwise.",
        footer = {"", "Examples:",
                "  ./lab 13 --seconds 40                          (both APIs, a gap of 4 s)",
                "  ./lab 13 --api dstream --gap 3 --batch 1",
                "  ./lab 13 --api structured --open-sessions       (starts from two sessions already open)",
                "  ./lab 13 --replay datasets/clicks/clicks.txt --rate 2 --loop"})
public final class Lab13 implements Callable<Integer> {

    static final Path CLICKS = Path.of("datasets/clicks/clicks.txt");
    static final String PROVIDER = "spark.sql.streaming.stateStore.providerClass";
    static final String ROCKSDB = "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider";

    @Mixin
    LabOptions options;

    @Option(names = "--gap", defaultValue = "4", paramLabel = "SECONDS",
            description = "A session closes after this many seconds without a click of its user (default: ${DEFAULT-VALUE}).")
    int gap;

    @Option(names = "--open-sessions",
            description = "Structured: start from two sessions already open (zoe and alice), the initial state.")
    boolean openSessions;

    @Override
    public Integer call() throws Exception {
        if (gap < 1) {
            throw new LabUsageException("--gap must be at least 1 second, not " + gap + ".");
        }
        if (options.replay == null && options.random == null) {
            options.replay = CLICKS;
        }
        Path checkpoint = options.checkpoint("checkpoints/lab13");
        try (SparkSession spark = LabSpark.start("Lab 13 user sessions", options);
             LineServer server = LineServer.from(options);
             Running running = Running.of(options)) {
            spark.conf().set(PROVIDER, ROCKSDB); // transformWithState keeps its state in RocksDB only
            running.start(Api.DSTREAM, () -> dstream(spark, server, checkpoint.resolve("dstream")));
            running.start(Api.STRUCTURED, () -> structured(spark, server, checkpoint.resolve("structured")));
            server.replayTo(running.readers());
            running.awaitEnd();
        }
        return 0;
    }

    /** DStream: batches of 2 s; each batch prints the sessions that closed in it and how many are open. */
    private JavaStreamingContext dstream(SparkSession spark, LineServer server, Path checkpoint) {
        JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.seconds(options.batchSeconds(2)));
        ssc.checkpoint(checkpoint.toString()); // mapWithState saves its state there
        JavaDStream<String> lines = ssc.socketTextStream(server.host(), server.port(), StorageLevel.MEMORY_AND_DISK_SER());
        SessionsDStream.closedSessions(lines, Durations.seconds(gap))
                .map(s -> "closed: " + s._1() + ", " + s._2() + " clicks, pages " + s._3())
                .print(20);
        SessionsDStream.openSessions(lines, Durations.seconds(gap))
                .count()
                .map(n -> "open sessions: " + n)
                .print();
        ssc.start();
        return ssc;
    }

    /** Structured: each click stamped with the time it was read; closed sessions in append mode. */
    private StreamingQuery structured(SparkSession spark, LineServer server, Path checkpoint) throws Exception {
        Dataset<Row> events = spark.readStream()
                .format("socket")
                .option("host", server.host())
                .option("port", server.port())
                .option("includeTimestamp", true) // columns value and timestamp
                .load();
        java.time.Duration gapTime = java.time.Duration.ofSeconds(gap);
        Dataset<Row> closed = openSessions
                ? SessionsStructured.closedSessionsFrom(events, open(spark), gapTime)
                : SessionsStructured.closedSessions(events, gapTime);
        return closed.writeStream()
                .outputMode("append")
                .format("console")
                .queryName("lab13_closed_sessions")
                .option("truncate", false)
                .option("checkpointLocation", Checkpoints.freshForSocket(checkpoint))
                .trigger(Trigger.ProcessingTime(options.batchSeconds(2), TimeUnit.SECONDS))
                .start();
    }

    /** The sessions already open with --open-sessions: zoe and alice, their last clicks a moment ago. */
    private static Dataset<Row> open(SparkSession spark) {
        StructType schema = new StructType()
                .add("user", DataTypes.StringType)
                .add("clicks", DataTypes.LongType)
                .add("pages", DataTypes.StringType)
                .add("last", DataTypes.TimestampType);
        Timestamp now = Timestamp.from(Instant.now());
        return spark.createDataFrame(List.of(
                RowFactory.create("zoe", 3L, "/home /item", now),
                RowFactory.create("alice", 2L, "/faq /home", now)), schema);
    }

    public static void main(String[] args) {
        LabMain.run(new Lab13(), args);
    }
}
