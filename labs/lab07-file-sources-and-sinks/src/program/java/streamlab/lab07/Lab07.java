package streamlab.lab07;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamlab.support.Api;
import streamlab.support.FileFeedOptions;
import streamlab.support.FileFeeder;
import streamlab.support.LabMain;
import streamlab.support.LabOptions;
import streamlab.support.LabSpark;
import streamlab.support.Running;

/** Lab 07: a watched folder of JSON files read by both APIs; the Structured side writes Parquet, exactly once. */
@Command(name = "Lab07", mixinStandardHelpOptions = true, resourceBundle = "streamlab.lab07.Lab07Help",
        description = "File sources and file sinks: the files of --input are dropped one by one into a watched"
                + " folder; a Structured query reads them with a schema (bad lines in _corrupt_record) and writes"
                + " the HIGH events to Parquet with a checkpoint, a DStream watching the same folder counts them.",
        footer = {"", "Examples:",
                "  ./lab 07 --seconds 30                      (a file every 3 s, both APIs)",
                "  ./lab 07 --api structured --trigger available-now",
                "  ./lab 07 --data zipcodes --api structured --seconds 30",
                "  ./lab 07 --input my-folder --seconds 60",
                "  ./lab 07 --no-feed --seconds 120           (you drop the files in)"})
public final class Lab07 implements Callable<Integer> {

    enum Data { iot, zipcodes }

    @Mixin
    LabOptions options;

    @Mixin
    FileFeedOptions folders; // --input, --watch, --output, --no-feed

    @Option(names = "--data", defaultValue = "iot",
            description = "iot (the HIGH events go to Parquet) or zipcodes (every good record) (default: ${DEFAULT-VALUE}).")
    Data data;

    @Option(names = "--trigger", defaultValue = "processing",
            description = "processing (a file every --batch seconds, a micro-batch every --batch seconds) or available-now"
                    + " (every file at once, then the query reads them all and stops) (default: ${DEFAULT-VALUE}).")
    String trigger;

    @Option(names = "--files-per-trigger", defaultValue = "1", description = "maxFilesPerTrigger (default: ${DEFAULT-VALUE}).")
    int filesPerTrigger;

    private final ResumedCheckpoints resumed = new ResumedCheckpoints();

    @Override
    public Integer call() throws Exception {
        boolean availableNow = InputChecks.availableNow(trigger, options.api);
        int seconds = options.batchSeconds(3);
        Path from = InputChecks.input(folders.input(Path.of("datasets", data.name())), filesPerTrigger);
        Path watched = folders.watch(Path.of("output/lab07/incoming", data.name()));
        Path out = folders.output(Path.of("output/lab07", data.name()));
        Path checkpoints = options.checkpoint("checkpoints/lab07/" + data.name());
        try (SparkSession spark = LabSpark.start("Lab 07 file sources and sinks", options)) {
            spark.streams().addListener(new BadLinesPrinter());
            try (Running running = Running.of(options);
                 FileFeeder feeder = folders.feeder(from, watched)) {
                if (availableNow) {
                    feeder.deliverAll(); // every file is there before the queries start
                }
                Trigger every = availableNow ? Trigger.AvailableNow() : Trigger.ProcessingTime(seconds, TimeUnit.SECONDS);
                running.start(Api.STRUCTURED, () -> toParquet(spark, watched, out, checkpoints.resolve("parquet"), every));
                running.start(Api.STRUCTURED, () -> toConsole(spark, watched, checkpoints.resolve("console"), every));
                if (availableNow && options.api.includes(Api.DSTREAM)) {
                    System.out.println("== DStream part skipped: a DStream has no available-now trigger");
                } else if (!availableNow) {
                    running.start(Api.DSTREAM, () -> dstream(spark, watched, checkpoints.resolve("dstream"), seconds));
                    feeder.start(seconds, seconds);
                }
                resumed.awaitEnd(spark, running, availableNow);
            }
            if (Files.isDirectory(out.resolve("_spark_metadata"))) {
                Dataset<Row> written = spark.read().parquet(out.toString()); // a static read: the files of _spark_metadata
                System.out.println("== " + out + " holds " + written.count() + " rows; the first ones:");
                written.sort(data == Data.iot ? "timestamp" : "RecordNumber").show(10, false);
            }
        }
        return 0;
    }

    /** Structured, query 1: the good lines (of iot: the HIGH events) appended to Parquet. */
    private StreamingQuery toParquet(SparkSession spark, Path watched, Path out, Path checkpoint, Trigger every)
            throws Exception {
        Dataset<Row> rows = FileSourcesStructured.withCorruptRecords(spark, schema(), watched.toString(), filesPerTrigger);
        Dataset<Row> good = rows.where(col(FileSourcesStructured.CORRUPT_RECORD).isNull())
                .drop(FileSourcesStructured.CORRUPT_RECORD);
        Dataset<Row> kept = data == Data.iot ? FileSourcesStructured.highDanger(FileSourcesStructured.withoutCopies(good)) : good;
        return resumed.start(checkpoint, () -> FileSourcesStructured.parquetSink(kept, out.toString(), checkpoint.toString())
                .trigger(every)
                .start());
    }

    /** Structured, query 2: what each micro-batch read, on the console; a bad line's text in _corrupt_record. */
    private StreamingQuery toConsole(SparkSession spark, Path watched, Path checkpoint, Trigger every) throws Exception {
        Dataset<Row> rows = FileSourcesStructured.countingBadLines(
                FileSourcesStructured.withCorruptRecords(spark, schema(), watched.toString(), filesPerTrigger));
        String bad = FileSourcesStructured.CORRUPT_RECORD; // the bad line's text, shown last
        return resumed.start(checkpoint, () -> rows.selectExpr(data == Data.iot
                        ? new String[] {"deviceId", "temperature", "danger_level", "timestamp", bad}
                        : new String[] {"RecordNumber", "City", "State", bad})
                .writeStream()
                .format("console")
                .outputMode("append")
                .option("truncate", false)
                .option("numRows", 50)
                .option("checkpointLocation", checkpoint.toString())
                .trigger(every)
                .start());
    }

    /** DStream: the files that appear in the watched folder; HIGH events per device (iot) or lines (zipcodes). */
    private JavaStreamingContext dstream(SparkSession spark, Path watched, Path checkpoint, int seconds) {
        JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.seconds(seconds));
        ssc.checkpoint(checkpoint.toString()); // withoutCopies keeps its state from batch to batch
        JavaDStream<String> lines = FileSourcesDStream.newFiles(ssc, watched.toString());
        if (data == Data.iot) {
            FileSourcesDStream.highPerDevice(FileSourcesDStream.withoutCopies(FileSourcesDStream.events(lines))).print();
        } else {
            lines.count().map(n -> "DStream: " + n + " lines in this batch").print();
        }
        ssc.start();
        return ssc;
    }

    private StructType schema() {
        return data == Data.iot ? IotEvent.SCHEMA : FileSourcesStructured.zipcodeSchema();
    }

    public static void main(String[] args) {
        LabMain.run(new Lab07(), args);
    }
}
