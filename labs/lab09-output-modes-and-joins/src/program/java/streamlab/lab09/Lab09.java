package streamlab.lab09;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.Trigger;
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
import streamlab.support.Running;

/** Lab 09: the activity files as a stream, the memory sink queried with SQL, SQL on every DStream batch. */
@Command(name = "Lab09", mixinStandardHelpOptions = true,
        description = "The activity readings, one file per trigger: counts per activity into the memory sink"
                + " activity_counts, queried with spark.sql after every batch (Structured); SQL on each batch"
                + " (DStream).",
        footer = {"", "Examples:",
                "  ./lab 09 --seconds 20",
                "  ./lab 09 --api structured --query stairs --seconds 15",
                "  ./lab 09 --api structured --query cube --seconds 15",
                "  ./lab 09 --api dstream --batch 2 --seconds 20"})
public final class Lab09 implements Callable<Integer> {

    enum Query { counts, stairs, cube, cubehistory, history, windows }

    @Mixin
    LabOptions options;

    @Option(names = "--activity", paramLabel = "DIR", defaultValue = "datasets/activity",
            description = "Folder of activity JSON files (default: ${DEFAULT-VALUE}).")
    Path folder;

    @Option(names = "--query", defaultValue = "counts",
            description = "Structured query: counts (memory sink + spark.sql), stairs (append), cube (complete),"
                    + " cubehistory (the cube beside the history's, complete), history (stream-static join, append)"
                    + " or windows (complete) (default: ${DEFAULT-VALUE}).")
    Query query;

    @Override
    public Integer call() throws Exception {
        List<Path> files = ActivityFolder.files(folder);
        try (SparkSession spark = LabSpark.start("Lab 09 output modes and joins", options);
             Running running = Running.of(options)) {
            ActivityFolder.checkSchema(spark, folder);
            running.start(Api.DSTREAM, () -> dstream(spark, files));
            running.start(Api.STRUCTURED, () -> structured(spark, files));
            running.awaitEnd();
        }
        return 0;
    }

    /** Structured: the folder as a file stream, one file per trigger, into the chosen query and sink. */
    private StreamingQuery structured(SparkSession spark, List<Path> files) throws Exception {
        Dataset<Row> activity = ActivityStructured.activityStream(spark, folder.toString());
        Trigger trigger = Trigger.ProcessingTime(options.batchSeconds(1), TimeUnit.SECONDS);
        if (query == Query.counts) {
            spark.streams().addListener(new PrintCounts(spark)); // spark.sql on the memory table after each batch
            return ActivityStructured.activityCountsToMemory(activity)
                    .trigger(trigger)
                    .start();
        }
        Dataset<Row> history = spark.read().schema(ActivityStructured.SCHEMA)
                .json(files.get(0).toString(), files.get(Math.min(1, files.size() - 1)).toString());
        Dataset<Row> result = switch (query) {
            case stairs -> ActivityStructured.stairs(activity);
            case cube -> ActivityStructured.deviceModelStats(activity);
            case cubehistory -> ActivityStructured.cubeBesideHistory(activity, history);
            case history -> ActivityStructured.withUsualX(activity, history);
            default -> ActivityStructured.windowedCounts(activity);
        };
        String mode = query == Query.stairs || query == Query.history ? "append" : "complete";
        return result.writeStream()
                .outputMode(mode)
                .format("console")
                .option("truncate", false)
                .trigger(trigger)
                .start();
    }

    /** DStream: a queue of RDDs, one file's lines per batch; SQL on each batch. */
    private JavaStreamingContext dstream(SparkSession spark, List<Path> files) throws IOException {
        JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.seconds(options.batchSeconds(1)));
        Queue<JavaRDD<String>> batches = new LinkedList<>();
        for (Path file : files) {
            batches.add(ssc.sparkContext().parallelize(Files.readAllLines(file), 2));
        }
        JavaDStream<String> lines = ssc.queueStream(batches, true); // one file per batch
        ActivityDStream.sqlCounts(lines).print();
        ssc.start();
        return ssc;
    }

    /** Prints the memory sink's table after each micro-batch that read a file. */
    private static final class PrintCounts extends StreamingQueryListener {
        private final SparkSession spark;

        PrintCounts(SparkSession spark) {
            this.spark = spark;
        }

        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            if (ActivityStructured.COUNTS_TABLE.equals(event.progress().name()) && event.progress().numInputRows() > 0) {
                System.out.println("== spark.sql after micro-batch " + event.progress().batchId());
                spark.sql("SELECT * FROM activity_counts ORDER BY count DESC, gt").show(false);
            }
        }

        @Override
        public void onQueryStarted(QueryStartedEvent event) { }

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) { }
    }

    public static void main(String[] args) {
        LabMain.run(new Lab09(), args);
    }
}
