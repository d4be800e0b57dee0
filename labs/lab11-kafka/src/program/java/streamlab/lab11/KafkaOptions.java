package streamlab.lab11;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamReader;
import picocli.CommandLine.Option;
import streamlab.support.LabOptions;
import streamlab.support.LabUsageException;

/**
 * The Kafka options of Lab11 (a picocli mixin), the checks made with them before anything starts (a wrong
 * value is one sentence, exit status 2), and the Structured source they choose among your exercises.
 */
final class KafkaOptions {

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern PARTITION_OFFSETS = Pattern.compile("\\d+:-?\\d+(,\\d+:-?\\d+)*");

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Kafka brokers to use (default: the lab starts a broker of its own, empty, every run).")
    String bootstrapServers;

    @Option(
            names = "--input-topic",
            defaultValue = "lines",
            description = "The topic of lines (default: ${DEFAULT-VALUE}).")
    String inputTopic;

    @Option(
            names = "--output-topic",
            defaultValue = "word-counts",
            description = "Structured: the topic the word counts are written to (default: ${DEFAULT-VALUE}).")
    String outputTopic;

    @Option(
            names = "--starting-offsets",
            paramLabel = "earliest|latest|P:OFFSET,...",
            defaultValue = "earliest",
            description =
                    "Where a new query (and a new DStream consumer group) starts: earliest, latest, or (Structured)"
                            + " an offset for each partition, e.g. 0:10,1:-2 (-2 earliest, -1 latest). Default: ${DEFAULT-VALUE}.")
    String startingOffsets;

    @Option(
            names = "--pattern",
            paramLabel = "REGEX",
            description =
                    "Structured: read every topic whose name matches REGEX (subscribePattern), not just --input-topic.")
    String pattern;

    @Option(
            names = "--partitions",
            paramLabel = "P,P...",
            split = ",",
            description = "Structured: read only these partitions of --input-topic (assign).")
    List<Integer> partitions;

    @Option(
            names = "--skip-lost-records",
            description = "Structured: carry on when records the query has not read are gone (failOnDataLoss=false).")
    boolean skipLostRecords;

    @Option(
            names = "--dstream-source",
            paramLabel = "direct|receiver",
            defaultValue = "direct",
            description = "DStream: the direct Kafka stream (KafkaUtils.createDirectStream), or your receiver"
                    + " (receiverStream). Default: ${DEFAULT-VALUE}.")
    String dstreamSource;

    @Option(
            names = "--input-file",
            paramLabel = "FILE",
            description =
                    "Feed this file's lines into the input topic at --rate lines a second (default, with the lab's"
                            + " own broker: datasets/lines/hamlet.txt; with --bootstrap-servers: nothing is fed).")
    Path inputFile;

    @Option(
            names = "--trigger-latency",
            description = "Instead of the word counts: one stateless query (Kafka to Kafka, each record copied) in"
                    + " micro-batch, continuous and real-time mode in turn, 10 s each at 100 records a second, and"
                    + " the latency of each, from a record's sending to its copy being read.")
    boolean triggerLatency;

    /** Which records the Structured query reads: the options choose one of your sources. */
    Dataset<Row> source(DataStreamReader kafka) {
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

    /** What the Structured query reads, as its first line says: the input topic, or the topics matching --pattern. */
    String sourceTopics() {
        return pattern != null ? "the topics matching " + pattern : inputTopic;
    }

    /** Checks the options before anything starts; returns the file to feed into the input topic, or null. */
    Path checkOptions(LabOptions options) {
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
        if (!List.of("earliest", "latest").contains(startingOffsets)
                && !PARTITION_OFFSETS.matcher(startingOffsets).matches()) {
            throw new LabUsageException("--starting-offsets must be earliest, latest, or an offset for each partition"
                    + " such as 0:10,1:-2, not \"" + startingOffsets + "\".");
        }
        int choices = (pattern != null ? 1 : 0)
                + (partitions != null ? 1 : 0)
                + (skipLostRecords ? 1 : 0)
                + (startingOffsets.equals("earliest") ? 0 : 1);
        if (choices > 1) {
            throw new LabUsageException(
                    "--pattern, --partitions, --skip-lost-records and --starting-offsets each choose"
                            + " the Structured source: give one of them.");
        }
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new LabUsageException(
                        "--pattern " + pattern + " is not a regular expression: " + e.getDescription() + ".");
            }
        }
        if (!List.of("direct", "receiver").contains(dstreamSource)) {
            throw new LabUsageException("--dstream-source must be direct or receiver, not \"" + dstreamSource + "\".");
        }
        if (!(options.rate > 0)) {
            throw new LabUsageException("--rate must be more than 0 lines per second, not " + options.rate + ".");
        }
        Path file =
                inputFile != null ? inputFile : bootstrapServers == null ? Path.of("datasets/lines/hamlet.txt") : null;
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
    void prepare(Path checkpoint, boolean ownBroker) {
        if (!QueryCheckpoint.isQueryCheckpoint(checkpoint)) {
            return;
        }
        List<String> topics = QueryCheckpoint.kafkaTopics(checkpoint);
        boolean ours = topics != null
                && (pattern != null ? topics.stream().anyMatch(t -> t.matches(pattern)) : topics.contains(inputTopic));
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
}
