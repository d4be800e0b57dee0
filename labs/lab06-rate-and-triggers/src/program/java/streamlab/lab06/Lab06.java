package streamlab.lab06;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamlab.support.Api;
import streamlab.support.LabMain;
import streamlab.support.LabOptions;
import streamlab.support.LabSpark;
import streamlab.support.LabUsageException;
import streamlab.support.Running;

/** Lab 06: a stream made by Spark itself (no line server), its triggers, and the life of its queries. */
@Command(name = "Lab06", mixinStandardHelpOptions = true,
        description = "The rate source and triggers: numbers with timestamps, made by Spark itself, split into"
                + " year ... second and shown on the console or written to Parquet; DStreams get their batches"
                + " from the batch interval alone.",
        footer = {"", "Examples:",
                "  ./lab 06 --seconds 20                              (both APIs, a 5 s trigger)",
                "  ./lab 06 --api structured --trigger default --seconds 10",
                "  ./lab 06 --api structured --trigger continuous --seconds 10",
                "  ./lab 06 --api structured --queries 3 --seconds 10 (then stopAll, the course's kill_all)",
                "  ./lab 06 --api structured --sink parquet --trigger available-now"})
public final class Lab06 implements Callable<Integer> {

    enum Sink { console, parquet }

    @Mixin
    LabOptions options;

    @Option(names = "--trigger", defaultValue = "processing",
            description = "default, processing (every --batch seconds), available-now, once or continuous"
                    + " (default: ${DEFAULT-VALUE}).")
    String trigger;

    @Option(names = "--rows-per-second", defaultValue = "5", description = "Rows the rate source makes a second.")
    long rowsPerSecond;

    @Option(names = "--sink", defaultValue = "console", description = "console or parquet (default: ${DEFAULT-VALUE}).")
    Sink sink;

    @Option(names = "--output", defaultValue = "output/lab06", description = "The Parquet folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--queries", defaultValue = "1", description = "How many console queries to start on the source.")
    int queries;

    @Override
    public Integer call() throws Exception {
        Trigger chosen = chosenTrigger();
        try (SparkSession spark = LabSpark.start("Lab 06 rate and triggers", options);
             Running running = Running.of(options)) {
            spark.streams().addListener(new ProgressPrinter());
            running.start(Api.DSTREAM, () -> dstream(spark));
            for (int i = 0; i < queries; i++) {
                running.start(Api.STRUCTURED, () -> structured(spark, chosen));
            }
            running.awaitEnd();
            if (options.api.includes(Api.STRUCTURED)) {
                RateTriggersStructured.stopAll(spark).forEach(line -> System.out.println("== " + line));
                if (sink == Sink.parquet) {
                    Dataset<Row> written = RateTriggersStructured.readBack(spark, output.toString());
                    System.out.println("== " + output + " holds " + written.count() + " rows; the first ones:");
                    written.show(5, false);
                }
            }
        }
        return 0;
    }

    /** DStream: the batch interval is the only trigger; each batch gets (batch time, 0 .. n-1). */
    private JavaStreamingContext dstream(SparkSession spark) {
        int batch = options.batchSeconds(5);
        JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.seconds(batch));
        RateTriggersDStream.ticks(ssc, rowsPerSecond * batch).print(5);
        ssc.addStreamingListener(new BatchLinePrinter()); // your batchLine after each batch
        ssc.start();
        return ssc;
    }

    /** Structured: rate → timeParts → console (or Parquet), with the trigger you chose. */
    private StreamingQuery structured(SparkSession spark, Trigger chosen) throws Exception {
        Dataset<Row> rates = RateTriggersStructured.rate(spark, rowsPerSecond);
        System.out.println("== rates.isStreaming() = " + rates.isStreaming());
        rates.printSchema();
        Dataset<Row> parts = RateTriggersStructured.timeParts(rates);
        parts.explain(true); // parsed, analyzed, optimized and physical plans: a StreamingRelation, no table scan
        if (sink == Sink.parquet) {
            String checkpoint = options.checkpoint("checkpoints/lab06").resolve("parquet").toString();
            return RateTriggersStructured.parquetSink(parts, output.toString(), checkpoint).trigger(chosen).start();
        }
        return parts.writeStream()
                .format("console")
                .option("numRows", 10)       // at most 10 rows of each micro-batch
                .option("truncate", false)   // long values in full
                .trigger(chosen)
                .start();
    }

    /** The trigger of --trigger and --batch, as your RateTriggersStructured.trigger makes it. */
    private Trigger chosenTrigger() {
        try {
            return RateTriggersStructured.trigger(trigger, options.batchSeconds(5));
        } catch (IllegalArgumentException e) {
            throw new LabUsageException("--trigger " + trigger + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        LabMain.run(new Lab06(), args);
    }
}
