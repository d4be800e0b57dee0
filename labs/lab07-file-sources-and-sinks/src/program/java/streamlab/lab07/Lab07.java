package streamlab.lab07;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamlab.support.Api;
import streamlab.support.FileFeeder;
import streamlab.support.LabMain;
import streamlab.support.LabOptions;
import streamlab.support.LabSpark;
import streamlab.support.LabUsageException;
import streamlab.support.Running;

/** Lab 07: a watched folder of JSON files read by both APIs; the Structured side writes Parquet, exactly once. */
@Command(name = "Lab07", mixinStandardHelpOptions = true,
        description = "File sources and file sinks: the files of --input are dropped one by one into a watched"
                + " folder; a Structured query reads them with a schema (bad lines in _corrupt_record) and writes"
                + " the HIGH events to Parquet with a checkpoint, a DStream watching the same folder counts them.",
        footer = {"", "Examples:",
                "  ./lab 07 --seconds 30                      (a file every 3 s, both APIs)",
                "  ./lab 07 --api structured --trigger available-now",
                "  ./lab 07 --data zipcodes --api structured --seconds 30",
                "  ./lab 07 --input my-folder --seconds 60"})
public final class Lab07 implements Callable<Integer> {

    enum Data { iot, zipcodes }

    @Mixin
    LabOptions options;

    @Option(names = "--data", defaultValue = "iot",
            description = "iot (the HIGH events go to Parquet) or zipcodes (every good record) (default: ${DEFAULT-VALUE}).")
    Data data;

    @Option(names = "--input", paramLabel = "DIR", description = "The JSON-lines files to feed (default: datasets/<data>).")
    Path input;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "The folder both APIs watch; the files of --input are copied into it (default: output/lab07/incoming/<data>).")
    Path watch;

    @Option(names = "--output", paramLabel = "DIR", description = "The Parquet folder (default: output/lab07/<data>).")
    Path output;

    @Option(names = "--trigger", defaultValue = "processing",
            description = "processing (a file every --batch seconds, a micro-batch every --batch seconds) or available-now"
                    + " (every file at once, then the query reads them all and stops) (default: ${DEFAULT-VALUE}).")
    String trigger;

    @Option(names = "--files-per-trigger", defaultValue = "1", description = "maxFilesPerTrigger (default: ${DEFAULT-VALUE}).")
    int filesPerTrigger;

    /** The queries started on a checkpoint an earlier run left, with that checkpoint. */
    private final Map<StreamingQuery, Path> resumed = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        boolean availableNow = availableNow();
        int seconds = options.batchSeconds(3);
        Path from = checkedInput();
        Path watched = watch != null ? watch : Path.of("output/lab07/incoming", data.name());
        Path out = output != null ? output : Path.of("output/lab07", data.name());
        Path checkpoints = options.checkpoint("checkpoints/lab07/" + data.name());
        try (SparkSession spark = LabSpark.start("Lab 07 file sources and sinks", options)) {
            spark.streams().addListener(new BadLinesPrinter());
            try (Running running = Running.of(options);
                 FileFeeder feeder = FileFeeder.of(from, watched)) {
                if (availableNow) {
                    feeder.deliverAll(); // every file is there before the queries start
                }
                Trigger every = availableNow ? Trigger.AvailableNow() : Trigger.ProcessingTime(seconds, TimeUnit.SECONDS);
                running.start(Api.STRUCTURED, () -> toParquet(spark, watched, out, checkpoints.resolve("parquet"), every));
                running.start(Api.STRUCTURED, () -> toConsole(spark, watched, checkpoints.resolve("console"), every));
                if (availableNow && options.api.includes(Api.DSTREAM)) {
                    System.out.println("== DStream part skipped: a DStream has no available-now trigger");
                } else if (!availableNow) {
                    running.start(Api.DSTREAM, () -> dstream(spark, watched, seconds));
                    feeder.start(seconds, seconds);
                }
                awaitEnd(spark, running, availableNow);
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
        Dataset<Row> kept = data == Data.iot ? FileSourcesStructured.highDanger(good) : good;
        boolean resuming = Files.exists(checkpoint.resolve("metadata"));
        StreamingQuery query = FileSourcesStructured.parquetSink(kept, out.toString(), checkpoint.toString())
                .trigger(every)
                .start();
        return remember(query, resuming, checkpoint);
    }

    /** Structured, query 2: what each micro-batch read, on the console; a bad line's text in _corrupt_record. */
    private StreamingQuery toConsole(SparkSession spark, Path watched, Path checkpoint, Trigger every) throws Exception {
        Dataset<Row> rows = FileSourcesStructured.countingBadLines(
                FileSourcesStructured.withCorruptRecords(spark, schema(), watched.toString(), filesPerTrigger));
        boolean resuming = Files.exists(checkpoint.resolve("metadata"));
        StreamingQuery query = rows.selectExpr(shownColumns())
                .writeStream()
                .format("console")
                .outputMode("append")
                .option("truncate", false)
                .option("numRows", 50)
                .option("checkpointLocation", checkpoint.toString())
                .trigger(every)
                .start();
        return remember(query, resuming, checkpoint);
    }

    /** DStream: the files that appear in the watched folder; HIGH events per device (iot) or lines (zipcodes). */
    private JavaStreamingContext dstream(SparkSession spark, Path watched, int seconds) {
        JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.seconds(seconds));
        JavaDStream<String> lines = FileSourcesDStream.newFiles(ssc, watched.toString());
        if (data == Data.iot) {
            FileSourcesDStream.highPerDevice(FileSourcesDStream.events(lines)).print();
        } else {
            lines.count().map(n -> "DStream: " + n + " lines in this batch").print();
        }
        ssc.start();
        return ssc;
    }

    /** The columns the console shows: the bad line's text last. */
    private String[] shownColumns() {
        return data == Data.iot
                ? new String[] {"deviceId", "temperature", "danger_level", "timestamp", FileSourcesStructured.CORRUPT_RECORD}
                : new String[] {"RecordNumber", "City", "State", FileSourcesStructured.CORRUPT_RECORD};
    }

    private StructType schema() {
        return data == Data.iot ? IotEvent.SCHEMA : FileSourcesStructured.zipcodeSchema();
    }

    /**
     * Waits as {@code --seconds} says (available-now: until both queries have read everything). A query
     * that fails before its first micro-batch on a checkpoint of an earlier run could not resume it.
     */
    private void awaitEnd(SparkSession spark, Running running, boolean availableNow) throws Exception {
        try {
            if (availableNow && spark.streams().active().length > 0) {
                for (StreamingQuery query : spark.streams().active()) {
                    query.awaitTermination();
                }
            } else {
                running.awaitEnd();
            }
        } catch (StreamingQueryException e) {
            for (Map.Entry<StreamingQuery, Path> q : resumed.entrySet()) {
                if (q.getKey().exception().isDefined() && q.getKey().recentProgress().length == 0) {
                    throw new LabUsageException("Spark cannot resume the checkpoint in " + q.getValue()
                            + ": it belongs to another query (another source or folder); give --checkpoint a folder"
                            + " of its own, or delete " + q.getValue() + " to start over.");
                }
            }
            throw e;
        }
    }

    private StreamingQuery remember(StreamingQuery query, boolean resuming, Path checkpoint) {
        if (resuming) {
            resumed.put(query, checkpoint);
        }
        return query;
    }

    /** The input folder, if it holds JSON files; and a sane --files-per-trigger. */
    private Path checkedInput() throws IOException {
        Path from = input != null ? input : Path.of("datasets", data.name());
        if (!Files.isDirectory(from)) {
            throw new LabUsageException("There is no folder " + from.toAbsolutePath() + ": give --input a folder of"
                    + " JSON-lines files (or run ./lab 07 from the repository's root).");
        }
        if (FileFeeder.jsonFiles(from).isEmpty()) {
            throw new LabUsageException("The folder " + from + " holds no .json file: give --input a folder of"
                    + " JSON-lines files.");
        }
        if (filesPerTrigger < 1) {
            throw new LabUsageException("--files-per-trigger must be at least 1, not " + filesPerTrigger + ".");
        }
        return from;
    }

    private boolean availableNow() {
        return switch (trigger) {
            case "processing" -> false;
            case "available-now" -> {
                if (options.api == Api.DSTREAM) {
                    throw new LabUsageException("--trigger available-now is a trigger of Structured Streaming: a DStream"
                            + " has none like it (use --api structured or both).");
                }
                yield true;
            }
            default -> throw new LabUsageException("--trigger must be processing or available-now, not " + trigger + ".");
        };
    }

    /** After each micro-batch of the console query: its observed metric, the lines it read and the bad ones. */
    private static final class BadLinesPrinter extends StreamingQueryListener {
        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            Row lines = event.progress().observedMetrics().get(FileSourcesStructured.LINES_METRIC);
            if (lines != null && lines.getLong(0) > 0) {
                System.out.println("== micro-batch " + event.progress().batchId() + " read " + lines.getLong(0)
                        + " lines, " + lines.getLong(1) + " of them bad");
            }
        }

        @Override
        public void onQueryStarted(QueryStartedEvent event) { }

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) { }
    }

    public static void main(String[] args) {
        LabMain.run(new Lab07(), args);
    }
}
