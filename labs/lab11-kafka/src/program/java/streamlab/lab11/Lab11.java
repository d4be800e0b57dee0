package streamlab.lab11;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import scala.Tuple2;
import streamlab.support.Api;
import streamlab.support.LabMain;
import streamlab.support.LabOptions;
import streamlab.support.LabSpark;
import streamlab.support.LabUsageException;
import streamlab.support.MissingSolutionException;
import streamlab.support.Running;

/** Lab 11: word counts of a Kafka topic, in both APIs; the Structured counts go back to a topic. */
@Command(name = "Lab11", mixinStandardHelpOptions = true,
        description = {"Kafka: the lines of a topic counted into words. DStreams read the topic with the direct Kafka"
                + " stream (or a receiver of your own) and print each batch's counts and offsets, committed after;"
                + " Structured Streaming reads it with the Kafka source and writes the running counts to another"
                + " topic with the Kafka sink, which a second query reads back and prints.",
                "Without --bootstrap-servers the lab starts a Kafka broker of its own and feeds --input-file into"
                        + " the input topic: nothing to install."},
        footer = {"", "Examples:",
                "  ./lab 11 --seconds 40",
                "  ./lab 11 --api structured --rate 10 --loop --seconds 60",
                "  ./lab 11 --api dstream --input-file datasets/lines/hamlet.txt",
                "  ./lab 11 --bootstrap-servers localhost:9092 --input-topic lines --output-topic word-counts"})
public final class Lab11 implements Callable<Integer> {

    /** How many words a DStream batch prints. */
    private static final int SHOWN = 10;
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern PARTITION_OFFSETS = Pattern.compile("\\d+:-?\\d+(,\\d+:-?\\d+)*");

    @Mixin
    LabOptions options;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Kafka brokers to use (default: the lab starts a broker of its own, empty, every run).")
    String bootstrapServers;

    @Option(names = "--input-topic", defaultValue = "lines", description = "The topic of lines (default: ${DEFAULT-VALUE}).")
    String inputTopic;

    @Option(names = "--output-topic", defaultValue = "word-counts",
            description = "Structured: the topic the word counts are written to (default: ${DEFAULT-VALUE}).")
    String outputTopic;

    @Option(names = "--starting-offsets", paramLabel = "earliest|latest|P:OFFSET,...", defaultValue = "earliest",
            description = "Where a new query (and a new DStream consumer group) starts: earliest, latest, or (Structured)"
                    + " an offset for each partition, e.g. 0:10,1:-2 (-2 earliest, -1 latest). Default: ${DEFAULT-VALUE}.")
    String startingOffsets;

    @Option(names = "--pattern", paramLabel = "REGEX",
            description = "Structured: read every topic whose name matches REGEX (subscribePattern), not just --input-topic.")
    String pattern;

    @Option(names = "--partitions", paramLabel = "P,P...", split = ",",
            description = "Structured: read only these partitions of --input-topic (assign).")
    List<Integer> partitions;

    @Option(names = "--skip-lost-records",
            description = "Structured: carry on when records the query has not read are gone (failOnDataLoss=false).")
    boolean skipLostRecords;

    @Option(names = "--dstream-source", paramLabel = "direct|receiver", defaultValue = "direct",
            description = "DStream: the direct Kafka stream (KafkaUtils.createDirectStream), or your receiver"
                    + " (receiverStream). Default: ${DEFAULT-VALUE}.")
    String dstreamSource;

    @Option(names = "--input-file", paramLabel = "FILE",
            description = "Feed this file's lines into the input topic at --rate lines a second (default, with the lab's"
                    + " own broker: datasets/lines/hamlet.txt; with --bootstrap-servers: nothing is fed).")
    Path inputFile;

    @Override
    public Integer call() throws Exception {
        Path file = checkOptions();
        Path checkpoint = options.checkpoint("checkpoints/lab11");
        try (KafkaSetup kafka = bootstrapServers == null ? KafkaSetup.startOwn() : KafkaSetup.connect(bootstrapServers)) {
            kafka.makeTopics(List.of(inputTopic, outputTopic));
            prepare(checkpoint.resolve("structured"), kafka.ownBroker());
            String servers = kafka.bootstrapServers();
            try (SparkSession spark = LabSpark.start("Lab 11 Kafka", options)) {
                try (Running running = Running.of(options)) {
                    running.start(Api.DSTREAM, () -> dstream(spark, servers));
                    running.start(Api.STRUCTURED, () -> structured(spark, servers, checkpoint.resolve("structured")));
                    running.start(Api.STRUCTURED, () -> readBack(spark, servers, checkpoint.resolve("read-back")));
                    if (file != null) {
                        kafka.feed(file, inputTopic, options.rate, options.loop);
                    }
                    running.awaitEnd();
                }
                if (options.api.includes(Api.STRUCTURED) && !spark.sparkContext().isStopped()) { // not after Ctrl-C
                    summary(spark, servers, kafka.partitions(outputTopic));
                }
            }
        }
        return 0;
    }

    /**
     * DStream: the direct Kafka stream reads the input topic (or, with --dstream-source receiver, your receiver);
     * your exercise prints each batch's counts with the offsets it read, and commits them for the group.
     */
    private JavaStreamingContext dstream(SparkSession spark, String servers) {
        JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.seconds(options.batchSeconds(5)));
        String from = startingOffsets.equals("latest") ? "latest" : "earliest"; // auto.offset.reset of a new group
        if (dstreamSource.equals("receiver")) {
            JavaDStream<String> values = ssc.receiverStream(new KafkaReceiver(servers, inputTopic, "lab11-receiver", from));
            KafkaDStream.wordCounts(values)
                    .transformToPair(rdd -> rdd.mapToPair(Tuple2::swap).sortByKey(false).mapToPair(Tuple2::swap))
                    .print(SHOWN);
        } else {
            JavaInputDStream<ConsumerRecord<String, String>> records = KafkaUtils.createDirectStream(ssc,
                    LocationStrategies.PreferConsistent(),
                    ConsumerStrategies.<String, String>Subscribe(List.of(inputTopic), consumer(servers, "lab11-dstream", from)));
            KafkaDirectDStream.countAndCommit(records, (CanCommitOffsets) records.inputDStream(), Lab11::print);
        }
        ssc.start();
        return ssc;
    }

    /** The direct stream's consumer: String keys and values, a group, no automatic commits (you commit). */
    private static Map<String, Object> consumer(String servers, String group, String from) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, from, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    /** A batch's output, as DStream's print() shows a batch: its time, its offset ranges, the biggest counts. */
    private static void print(Time time, OffsetRange[] ranges, List<Tuple2<String, Long>> counts) {
        StringBuilder sb = new StringBuilder("-------------------------------------------\nTime: ")
                .append(time.milliseconds()).append(" ms\n-------------------------------------------\noffsets read:");
        for (OffsetRange r : ranges) {
            sb.append(' ').append(r.topic()).append('-').append(r.partition()).append(' ').append(r.fromOffset())
                    .append("..").append(r.untilOffset());
        }
        counts.stream().sorted((a, b) -> Long.compare(b._2(), a._2())).limit(SHOWN)
                .forEach(c -> sb.append("\n(").append(c._1()).append(',').append(c._2()).append(')'));
        System.out.println(sb.append('\n'));
    }

    /** Structured: the Kafka source, your word counts, the Kafka sink, with a checkpoint. */
    private StreamingQuery structured(SparkSession spark, String servers, Path checkpoint) throws Exception {
        DataStreamReader kafka = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", servers);
        Dataset<Row> records = source(kafka);
        DataStreamWriter<Row> writer = KafkaWordCountsStructured.toKafka(records, servers, outputTopic) // update mode
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.ProcessingTime(options.batchSeconds(5), TimeUnit.SECONDS));
        System.out.println("== Structured: word counts of " + (pattern != null ? "the topics matching " + pattern
                : inputTopic) + " to topic " + outputTopic + ", checkpoint " + checkpoint);
        return writer.start();
    }

    /** Which records the Structured query reads: the options choose one of your sources. */
    private Dataset<Row> source(DataStreamReader kafka) {
        if (pattern != null) {
            return KafkaSourcesStructured.subscribePattern(kafka, pattern);
        }
        if (partitions != null) {
            return KafkaSourcesStructured.assign(kafka, Map.of(inputTopic, partitions));
        }
        if (skipLostRecords) {
            return KafkaSourcesStructured.skippingLostRecords(kafka, inputTopic);
        }
        return switch (startingOffsets) {
            case "earliest" -> KafkaSourcesStructured.subscribe(kafka, inputTopic);
            case "latest" -> KafkaSourcesStructured.newRecordsOnly(kafka, inputTopic);
            default -> KafkaSourcesStructured.fromOffsets(kafka, inputTopic, partitionOffsets(startingOffsets));
        };
    }

    /** Structured: a second query reads the output topic back and prints each record it finds there. */
    private StreamingQuery readBack(SparkSession spark, String servers, Path checkpoint) throws Exception {
        if (QueryCheckpoint.isQueryCheckpoint(checkpoint)) {
            QueryCheckpoint.delete(checkpoint); // it reads the topic from the start every run
        }
        DataStreamReader kafka = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", servers);
        Dataset<Row> written = KafkaWordCountsStructured.asText(KafkaSourcesStructured.subscribe(kafka, outputTopic));
        return written.select(col("key").as("word"), col("value").as("count"), col("partition"), col("offset"))
                .writeStream()
                .outputMode("append")
                .format("console")
                .option("truncate", false)
                .option("numRows", 20)
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.ProcessingTime(options.batchSeconds(5), TimeUnit.SECONDS))
                .start();
    }

    /** At the end: a batch read of the whole output topic, the newest count of each word, biggest first. */
    private void summary(SparkSession spark, String servers, int outputPartitions) {
        DataFrameReader kafka = spark.read()
                .format("kafka")
                .option("kafka.bootstrap.servers", servers);
        Map<Integer, Long> from = new HashMap<>();
        Map<Integer, Long> until = new HashMap<>();
        for (int p = 0; p < outputPartitions; p++) {
            from.put(p, -2L);  // earliest
            until.put(p, -1L); // latest
        }
        Dataset<Row> all;
        try {
            all = KafkaWordCountsStructured.asText(KafkaSourcesStructured.range(kafka, outputTopic, from, until));
        } catch (RuntimeException e) {
            if (MissingSolutionException.messageOf(e) == null) {
                throw e;
            }
            System.out.println("== no summary of topic " + outputTopic + ": " + MissingSolutionException.messageOf(e));
            return;
        }
        System.out.println("== topic " + outputTopic + " holds " + all.count() + " records; the newest count of each"
                + " word (a batch read from the earliest to the latest offsets):");
        all.groupBy(col("key").as("word")).agg(max(col("value").cast("long")).as("count"))
                .orderBy(col("count").desc(), col("word")).show(SHOWN, false);
    }

    /** Checks the options before anything starts; returns the file to feed into the input topic, or null. */
    private Path checkOptions() {
        if (options.replay != null || options.random != null) {
            throw new LabUsageException("Lab 11 reads Kafka, not a line server: give --input-file FILE, and the lab"
                    + " feeds it into the input topic.");
        }
        for (String topic : List.of(inputTopic, outputTopic)) {
            if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
                throw new LabUsageException("\"" + topic + "\" is not a Kafka topic name: letters, digits, '.', '_' and"
                        + " '-', at most 249 of them.");
            }
        }
        if (inputTopic.equals(outputTopic)) {
            throw new LabUsageException("--output-topic must differ from --input-topic (" + inputTopic + "): the"
                    + " counts would be counted again.");
        }
        if (!List.of("earliest", "latest").contains(startingOffsets) && !PARTITION_OFFSETS.matcher(startingOffsets).matches()) {
            throw new LabUsageException("--starting-offsets must be earliest, latest, or an offset for each partition"
                    + " such as 0:10,1:-2, not \"" + startingOffsets + "\".");
        }
        int choices = (pattern != null ? 1 : 0) + (partitions != null ? 1 : 0) + (skipLostRecords ? 1 : 0)
                + (startingOffsets.equals("earliest") ? 0 : 1);
        if (choices > 1) {
            throw new LabUsageException("--pattern, --partitions, --skip-lost-records and --starting-offsets each choose"
                    + " the Structured source: give one of them.");
        }
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new LabUsageException("--pattern " + pattern + " is not a regular expression: " + e.getDescription() + ".");
            }
        }
        if (!List.of("direct", "receiver").contains(dstreamSource)) {
            throw new LabUsageException("--dstream-source must be direct or receiver, not \"" + dstreamSource + "\".");
        }
        if (!(options.rate > 0)) {
            throw new LabUsageException("--rate must be more than 0 lines per second, not " + options.rate + ".");
        }
        Path file = inputFile != null ? inputFile : bootstrapServers == null ? Path.of("datasets/lines/hamlet.txt") : null;
        if (file != null && (!Files.isRegularFile(file) || !Files.isReadable(file))) {
            throw new LabUsageException("Cannot read " + file + ": no such file (paths are relative to "
                    + System.getProperty("user.dir") + ").");
        }
        return file;
    }

    /**
     * The Structured query's checkpoint: one of another query is refused; with the lab's own broker (new and
     * empty every run) an earlier run's is removed, as its offsets point into a broker that is gone.
     */
    private void prepare(Path checkpoint, boolean ownBroker) {
        if (!QueryCheckpoint.isQueryCheckpoint(checkpoint)) {
            return;
        }
        List<String> topics = QueryCheckpoint.kafkaTopics(checkpoint);
        boolean ours = topics != null && (pattern != null ? topics.stream().anyMatch(t -> t.matches(pattern))
                : topics.contains(inputTopic));
        if (!ours) {
            throw new LabUsageException("The checkpoint folder " + checkpoint + " belongs to another query ("
                    + (topics == null ? "one that does not read Kafka" : "it reads the topics " + topics) + "): give"
                    + " another --checkpoint, or delete the folder.");
        }
        if (ownBroker) {
            QueryCheckpoint.delete(checkpoint);
            System.out.println("== starting afresh in " + checkpoint + " (the lab's own broker is new every run: the"
                    + " checkpoint's offsets would point into the broker of an earlier run)");
        }
    }

    /** {@code 0:10,1:-2} as partition to offset. */
    private static Map<Integer, Long> partitionOffsets(String text) {
        Map<Integer, Long> offsets = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] parts = pair.split(":");
            offsets.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        }
        return offsets;
    }

    public static void main(String[] args) {
        LabMain.run(new Lab11(), args);
    }
}
