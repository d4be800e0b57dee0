package streamlab.lab12;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
import streamlab.support.FileFeeder;
import streamlab.support.LabMain;
import streamlab.support.LabOptions;
import streamlab.support.LabSpark;

/** Lab 12: four pipelines that are killed and started again, and go on from their checkpoints. */
@Command(name = "Lab12", mixinStandardHelpOptions = true,
        description = {"Checkpoints and recovery: kill the program (kill -9 or Ctrl-C) and start it again; it goes on"
                + " from its checkpoint in checkpoints/lab12-<pipeline>.",
                "files: IoT files -> events per window -> JSON file sink (exactly once). kafka: a topic of IoT"
                + " events -> alerts -> a topic (at least once). dstream: getOrCreate with a file stream and"
                + " updateStateByKey. direct: the same on a topic, with Kafka's direct stream."},
        footer = {"", "Examples: ./lab 12 --pipeline files (then kill it, and start it again); ./lab 12 --pipeline kafka",
                "(starts its own Kafka broker); ./lab 12 --pipeline dstream; ./lab 12 --pipeline direct (the broker of kafka).",
                "To start over: rm -rf output/lab12 checkpoints/lab12-*"})
public final class Lab12 implements Callable<Integer> {

    enum Pipeline { files, kafka, dstream, direct }

    @Mixin
    LabOptions options;

    @Option(names = "--pipeline", defaultValue = "files", description = "files, kafka, dstream or direct (default: ${DEFAULT-VALUE}).")
    Pipeline pipeline;

    @Mixin
    FeedOptions feed; // --input, --watch, --output, --no-feed

    @Mixin
    KafkaOptions kafka; // --bootstrap-servers, --input-topic, --output-topic

    @Override
    public Integer call() throws Exception {
        int seconds = options.batchSeconds(2);
        options.api = pipeline == Pipeline.files || pipeline == Pipeline.kafka ? Api.STRUCTURED : Api.DSTREAM; // each pipeline is one API
        Path from = feed.checkedInput();
        Path checkpoint = CheckpointChecks.notOfTheOtherApi(options.checkpoint("checkpoints/lab12-" + pipeline), pipeline);
        switch (pipeline) {
            case files -> files(from, checkpoint, seconds);
            case kafka -> kafka(from, checkpoint, seconds);
            case dstream -> dstream(from, checkpoint, seconds);
            case direct -> direct(from, checkpoint, seconds);
        }
        return 0;
    }

    /** Structured: a watched folder -> events per window -> JSON files, exactly once across kills. */
    private void files(Path from, Path checkpoint, int seconds) throws Exception {
        Path watched = feed.watchedFolder(pipeline);
        try (SparkSession spark = LabSpark.start("Lab 12 checkpoints and recovery: files", options);
             FileFeeder feeder = feed.noFeed ? null : FileFeeder.of(from, watched)) {
            spark.streams().addListener(new Lab12Output.Progress()); // prints "== batch N done: ..."
            boolean resuming = Lab12Output.describeStructured(checkpoint);
            Dataset<Row> events = spark.readStream()
                    .schema(IotEvent.SCHEMA)
                    .option("maxFilesPerTrigger", 1)
                    .json(watched.toString());
            Dataset<Row> counts = RecoveryStructured.eventsPerWindow(events);
            StreamingQuery query = RecoveryStructured.toFiles(counts, feed.out().toString(), checkpoint.toString())
                    .trigger(Trigger.ProcessingTime(seconds, TimeUnit.SECONDS))
                    .start();
            if (feeder != null) {
                feeder.start(0, seconds);
            }
            Waiting.awaitEnd(query, resuming, checkpoint, Waiting.deadline(options.seconds));
            query.stop();
            Lab12Output.showWritten(spark, feed.out()); // a batch read of the sink's folder: each window once
        }
    }

    /** Structured: a topic of events -> alerts -> a topic; at least once, so a batch run again is sent again. */
    private void kafka(Path from, Path checkpoint, int seconds) throws Exception {
        try (Lab12Kafka.Broker broker = Lab12Kafka.broker(kafka.bootstrapServers); // without: the program's own
             SparkSession spark = LabSpark.start("Lab 12 checkpoints and recovery: kafka", options)) {
            String servers = broker.servers();
            KafkaFeeder.createTopics(servers, kafka.inputTopic, kafka.outputTopic);
            try (KafkaFeeder feeder = feed.noFeed ? null : KafkaFeeder.of(from, servers, kafka.inputTopic)) {
                spark.streams().addListener(new Lab12Output.Progress());
                boolean resuming = Lab12Output.describeStructured(checkpoint);
                long deadline = Waiting.deadline(options.seconds);
                Dataset<Row> records = spark.readStream()
                        .format("kafka")
                        .option("kafka.bootstrap.servers", servers)
                        .option("subscribe", kafka.inputTopic)
                        .option("startingOffsets", "earliest")   // only for the very first run: then the checkpoint decides
                        .option("kafka.metadata.max.age.ms", 5000) // see new partitions soon, not after 5 minutes
                        .option("kafkaConsumer.pollTimeoutMs", 10000) // a broker that is away fails a task after 10 s, not 120
                        .load();
                StreamingQuery query = RecoveryStructured.alerts(records)
                        .writeStream()
                        .format("kafka")
                        .option("kafka.bootstrap.servers", servers)
                        .option("topic", kafka.outputTopic)
                        .option("checkpointLocation", checkpoint.toString())
                        .trigger(Trigger.ProcessingTime(seconds, TimeUnit.SECONDS))
                        .start();
                if (feeder != null) {
                    feeder.start(seconds);
                }
                Waiting.awaitEnd(query, resuming, checkpoint, deadline);
                query.stop();
            }
            Lab12Kafka.reportDuplicates(servers, kafka.outputTopic);
        }
    }

    /** DStream: getOrCreate rebuilds the whole context from the checkpoint, or makes it with createContext. */
    private void dstream(Path from, Path checkpoint, int seconds) throws Exception {
        Path watched = feed.watchedFolder(pipeline);
        try (SparkSession spark = LabSpark.start("Lab 12 checkpoints and recovery: dstream", options);
             FileFeeder feeder = feed.noFeed ? null : FileFeeder.of(from, watched)) {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            JavaStreamingContext ssc = JavaStreamingContext.getOrCreate(checkpoint.toString(), () ->
                    RecoveryDStream.createContext(sc, checkpoint.toString(), watched.toString(), Durations.seconds(seconds),
                            new Lab12Output.TotalsPrinter()));
            DirectPipeline.describe(ssc, null, checkpoint); // recovered, or new (refuses the direct pipeline's)
            ssc.start();
            Waiting.feedAndAwaitEnd(ssc, options.seconds, feeder == null ? null : () -> feeder.start(0, seconds));
        }
    }

    /** DStream on Kafka: the same on the direct stream of a topic; the checkpoint keeps its offsets. */
    private void direct(Path from, Path checkpoint, int seconds) throws Exception {
        try (Lab12Kafka.Broker broker = Lab12Kafka.broker(kafka.bootstrapServers); // without: the program's own
             SparkSession spark = LabSpark.start("Lab 12 checkpoints and recovery: direct", options)) {
            String servers = broker.servers();
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            JavaStreamingContext ssc = JavaStreamingContext.getOrCreate(checkpoint.toString(), () ->
                    DirectPipeline.createContext(sc, checkpoint.toString(), servers, kafka.inputTopic,
                            Durations.seconds(seconds), new Lab12Output.TotalsPrinter()));
            DirectPipeline.describe(ssc, servers, checkpoint); // recovered (from which offsets), or new
            KafkaFeeder.createTopics(servers, kafka.inputTopic);
            try (KafkaFeeder feeder = feed.noFeed ? null : KafkaFeeder.of(from, servers, kafka.inputTopic)) {
                ssc.start();
                Waiting.feedAndAwaitEnd(ssc, options.seconds, feeder == null ? null : () -> feeder.start(seconds));
            }
        }
    }

    public static void main(String[] args) {
        LabMain.run(new Lab12(), args);
    }
}
