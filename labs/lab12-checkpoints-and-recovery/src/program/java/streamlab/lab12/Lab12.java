package streamlab.lab12;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamlab.kafka.KafkaBroker;
import streamlab.support.Api;
import streamlab.support.FileFeeder;
import streamlab.support.LabMain;
import streamlab.support.LabOptions;
import streamlab.support.LabSpark;
import streamlab.support.LabUsageException;

/** Lab 12: three programs that are killed and started again, and go on from their checkpoints. */
@Command(name = "Lab12", mixinStandardHelpOptions = true,
        description = {"Checkpoints and recovery: kill the program (kill -9 or Ctrl-C) and start it again; it goes on"
                + " from its checkpoint in checkpoints/lab12-<pipeline>.",
                "files: IoT files -> events per window -> JSON file sink (exactly once). kafka: a topic of IoT"
                + " events -> alerts -> a topic (at least once). dstream: getOrCreate with a file stream and"
                + " updateStateByKey."},
        footer = {"", "Examples:",
                "  ./lab 12 --pipeline files                  (then kill it, and start it again)",
                "  ./lab 12 --pipeline kafka --seconds 60     (starts its own Kafka broker)",
                "  ./lab 12 --pipeline dstream",
                "  rm -rf output/lab12 checkpoints/lab12-*    (to start over)"})
public final class Lab12 implements Callable<Integer> {

    enum Pipeline { files, kafka, dstream }

    @Mixin
    LabOptions options;

    @Option(names = "--pipeline", defaultValue = "files",
            description = "files, kafka or dstream (default: ${DEFAULT-VALUE}).")
    Pipeline pipeline;

    @Option(names = "--input", paramLabel = "DIR", description = "The IoT event files to deliver (default: datasets/iot).")
    Path input;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "The folder the files are delivered to and read from (default: output/lab12/incoming-<pipeline>).")
    Path watch;

    @Option(names = "--output", paramLabel = "DIR", description = "files: the JSON sink's folder (default: output/lab12/files).")
    Path output;

    @Option(names = "--no-feed", description = "Deliver nothing: someone else puts the files (or sends the records).")
    boolean noFeed;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "kafka: a broker of your own (default: the program starts one, its data in output/lab12/kafka-broker).")
    String bootstrapServers;

    @Option(names = "--input-topic", defaultValue = "lab12-events", description = "kafka (default: ${DEFAULT-VALUE}).")
    String inputTopic;

    @Option(names = "--output-topic", defaultValue = "lab12-alerts", description = "kafka (default: ${DEFAULT-VALUE}).")
    String outputTopic;

    @Override
    public Integer call() throws Exception {
        int seconds = options.batchSeconds(2);
        options.api = pipeline == Pipeline.dstream ? Api.DSTREAM : Api.STRUCTURED; // each pipeline is one API
        Path from = checkedInput();
        Path checkpoint = options.checkpoint("checkpoints/lab12-" + pipeline);
        switch (pipeline) {
            case files -> files(from, checkpoint, seconds);
            case kafka -> kafka(from, checkpoint, seconds);
            case dstream -> dstream(from, checkpoint, seconds);
        }
        return 0;
    }

    /** Structured: a watched folder -> events per window -> JSON files, exactly once across kills. */
    private void files(Path from, Path checkpoint, int seconds) throws Exception {
        notADStreamCheckpoint(checkpoint);
        Path watched = watch != null ? watch : Path.of("output/lab12/incoming-files");
        Path out = output != null ? output : Path.of("output/lab12/files");
        Files.createDirectories(watched);
        try (SparkSession spark = LabSpark.start("Lab 12 checkpoints and recovery: files", options);
             FileFeeder feeder = noFeed ? null : FileFeeder.of(from, watched)) {
            spark.streams().addListener(new Lab12Output.Progress()); // prints "== batch N done: ..."
            Lab12Output.describeStructured(checkpoint);
            boolean resuming = Lab12Output.holdsStructuredCheckpoint(checkpoint);
            Dataset<Row> events = spark.readStream()
                    .schema(IotEvent.SCHEMA)
                    .option("maxFilesPerTrigger", 1)
                    .json(watched.toString());
            Dataset<Row> counts = RecoveryStructured.eventsPerWindow(events);
            StreamingQuery query = RecoveryStructured.toFiles(counts, out.toString(), checkpoint.toString())
                    .trigger(Trigger.ProcessingTime(seconds, TimeUnit.SECONDS))
                    .start();
            if (feeder != null) {
                feeder.start(0, seconds);
            }
            awaitEnd(query, resuming, checkpoint, deadline());
            query.stop();
            if (Files.isDirectory(out.resolve("_spark_metadata"))) {
                Dataset<Row> written = spark.read().json(out.toString()); // only the files _spark_metadata lists
                System.out.println("== " + out + " holds " + written.count() + " rows (each window once):");
                written.orderBy("start", "danger_level").show(50, false);
            }
        }
    }

    /** Structured: a topic of events -> alerts -> a topic; at least once, so a batch run again is sent again. */
    private void kafka(Path from, Path checkpoint, int seconds) throws Exception {
        notADStreamCheckpoint(checkpoint);
        KafkaBroker broker = null;
        String servers = bootstrapServers;
        if (servers == null) {
            broker = Lab12Kafka.startBroker(Path.of("output/lab12/kafka-broker"));
            servers = broker.bootstrapServers();
        }
        try (SparkSession spark = LabSpark.start("Lab 12 checkpoints and recovery: kafka", options)) {
            KafkaFeeder.createTopics(servers, inputTopic, outputTopic);
            try (KafkaFeeder feeder = noFeed ? null : KafkaFeeder.of(from, servers, inputTopic)) {
                spark.streams().addListener(new Lab12Output.Progress());
                Lab12Output.describeStructured(checkpoint);
                boolean resuming = Lab12Output.holdsStructuredCheckpoint(checkpoint);
                long deadline = deadline();
                StreamingQuery query = alerts(spark, servers, checkpoint, seconds);
                if (feeder != null) {
                    feeder.start(seconds);
                }
                awaitEnd(query, resuming, checkpoint, deadline);
                query.stop();
            }
            Lab12Kafka.reportDuplicates(servers, outputTopic);
        } finally {
            if (broker != null) {
                broker.stop(); // its data stays in output/lab12/kafka-broker for the next run
            }
        }
    }

    /** The Kafka query: source, the exercise, sink, trigger, start. */
    private StreamingQuery alerts(SparkSession spark, String servers, Path checkpoint, int seconds) throws Exception {
        Dataset<Row> records = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", servers)
                .option("subscribe", inputTopic)
                .option("startingOffsets", "earliest")   // only for the very first run: then the checkpoint decides
                .option("kafka.metadata.max.age.ms", 5000) // see new partitions soon, not after 5 minutes
                .option("kafkaConsumer.pollTimeoutMs", 10000) // a broker that is away fails a task after 10 s, not 120
                .load();
        return RecoveryStructured.alerts(records)
                .writeStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", servers)
                .option("topic", outputTopic)
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.ProcessingTime(seconds, TimeUnit.SECONDS))
                .start();
    }

    /** DStream: getOrCreate rebuilds the whole context from the checkpoint, or makes it with createContext. */
    private void dstream(Path from, Path checkpoint, int seconds) throws Exception {
        if (Lab12Output.holdsStructuredCheckpoint(checkpoint)) {
            throw new LabUsageException("The folder " + checkpoint + " holds a Structured query's checkpoint, not a"
                    + " DStream's: give --checkpoint a folder of its own, or delete " + checkpoint + " to start over.");
        }
        Path watched = watch != null ? watch : Path.of("output/lab12/incoming-dstream");
        Files.createDirectories(watched);
        try (SparkSession spark = LabSpark.start("Lab 12 checkpoints and recovery: dstream", options);
             FileFeeder feeder = noFeed ? null : FileFeeder.of(from, watched)) {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            boolean resuming = Lab12Output.holdsDStreamCheckpoint(checkpoint);
            JavaStreamingContext ssc = JavaStreamingContext.getOrCreate(checkpoint.toString(), () ->
                    RecoveryDStream.createContext(sc, checkpoint.toString(), watched.toString(), Durations.seconds(seconds),
                            new Lab12Output.TotalsPrinter()));
            System.out.println(resuming
                    ? "== DStream: recovered from the checkpoint in " + checkpoint + ": its graph, its batch interval and"
                            + " its folder come from there (this run's --batch and --watch are not used)"
                    : "== DStream: a new context, checkpointing to " + checkpoint);
            ssc.start();
            System.out.println("== DStream: running" + (options.seconds > 0 ? " for " + options.seconds + " s" : ": Ctrl-C to stop"));
            if (feeder != null) {
                feeder.start(0, seconds);
            }
            if (options.seconds > 0) {
                ssc.awaitTerminationOrTimeout(options.seconds * 1000L);
            } else {
                ssc.awaitTermination();
            }
            ssc.stop(false, false);
            System.out.println("== stopped.");
        }
    }

    /** Waits until the query ends, fails, or --seconds have passed; a checkpoint of another query gets one sentence. */
    private static void awaitEnd(StreamingQuery query, boolean resuming, Path checkpoint, long deadline)
            throws StreamingQueryException {
        try {
            while (System.nanoTime() < deadline && !query.awaitTermination(100)) {
                // wait
            }
        } catch (StreamingQueryException e) {
            if (resuming && query.recentProgress().length == 0) {
                throw new LabUsageException("Spark cannot resume the checkpoint in " + checkpoint + ": it belongs to"
                        + " another query (another source, folder or topic); give --checkpoint a folder of its own, or"
                        + " delete " + checkpoint + " to start over.");
            }
            throw e;
        }
        System.out.println("== stopped.");
    }

    private long deadline() {
        System.out.println("== running" + (options.seconds > 0 ? " for " + options.seconds + " s" : ": Ctrl-C (or kill) to stop"));
        return options.seconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(options.seconds) : Long.MAX_VALUE;
    }

    private static void notADStreamCheckpoint(Path checkpoint) throws IOException {
        if (Lab12Output.holdsDStreamCheckpoint(checkpoint)) {
            throw new LabUsageException("The folder " + checkpoint + " holds a DStream checkpoint, not a Structured"
                    + " query's: give --checkpoint a folder of its own, or delete " + checkpoint + " to start over.");
        }
    }

    /** The folder of event files, if it holds JSON files. */
    private Path checkedInput() throws IOException {
        Path from = input != null ? input : Path.of("datasets/iot");
        if (!Files.isDirectory(from)) {
            throw new LabUsageException("There is no folder " + from.toAbsolutePath() + ": give --input a folder of"
                    + " JSON-lines IoT event files (or run ./lab 12 from the repository's root).");
        }
        if (FileFeeder.jsonFiles(from).isEmpty()) {
            throw new LabUsageException("The folder " + from + " holds no .json file: give --input a folder of"
                    + " JSON-lines IoT event files.");
        }
        return from;
    }

    public static void main(String[] args) {
        LabMain.run(new Lab12(), args);
    }
}
