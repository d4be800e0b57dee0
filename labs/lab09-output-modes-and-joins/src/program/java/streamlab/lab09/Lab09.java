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
import streamlab.support.SqlAfterEachBatch;

/** Lab 09: the activity files as a stream, the memory sink queried with SQL, SQL on every DStream batch. */
@Command(name = "Lab09", mixinStandardHelpOptions = true,
        description = "The activity readings, one file per trigger: a query into the memory sink, its table"
                + " queried with spark.sql after every batch (Structured); SQL on each batch (DStream).",
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
            description = "Structured query: counts, stairs (append) or cube (complete), each into the memory sink and"
                    + " read with spark.sql (tables activity_counts, simple_transform, device_counts);"
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
        if (query == Query.counts) { // spark.sql on the memory sink's table after each micro-batch
            SqlAfterEachBatch.register(spark, ActivityStructured.COUNTS_TABLE,
                    "SELECT * FROM activity_counts ORDER BY count DESC, gt");
            return ActivityStructured.activityCountsToMemory(activity)
                    .trigger(trigger)
                    .start();
        }
        if (query == Query.stairs) { // the course notes' table simple_transform, read with SQL as it grows
            SqlAfterEachBatch.register(spark, "simple_transform",
                    "SELECT gt, model, count(*) AS readings FROM simple_transform GROUP BY gt, model ORDER BY 1, 2");
            return ActivityStructured.stairs(activity)
                    .writeStream().queryName("simple_transform").format("memory").outputMode("append")
                    .trigger(trigger)
                    .start();
        }
        if (query == Query.cube) { // the course notes' table device_counts, and their query of it
            SqlAfterEachBatch.register(spark, "device_counts",
                    "SELECT * FROM device_counts WHERE model IS NOT NULL ORDER BY gt, model");
            return ActivityStructured.deviceModelStats(activity)
                    .writeStream().queryName("device_counts").format("memory").outputMode("complete")
                    .trigger(trigger)
                    .start();
        }
        Dataset<Row> history = spark.read().schema(ActivityStructured.SCHEMA)
                .json(files.get(0).toString(), files.get(Math.min(1, files.size() - 1)).toString());
        Dataset<Row> result = switch (query) {
            case cubehistory -> ActivityStructured.cubeBesideHistory(activity, history);
            case history -> ActivityStructured.withUsualX(activity, history);
            default -> ActivityStructured.windowedCounts(activity);
        };
        return result.writeStream()
                .outputMode(query == Query.history ? "append" : "complete")
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

    public static void main(String[] args) {
        LabMain.run(new Lab09(), args);
    }
}
