package streamlab.lab11;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamReader;
import streamlab.support.MissingSolutionException;

/**
 * Lab 11, Structured Streaming API: which records of which topics a query reads.
 *
 * <p>Every function gets a reader that is already {@code format("kafka")} with its
 * {@code kafka.bootstrap.servers}; it chooses the topics (one of {@code subscribe},
 * {@code subscribePattern}, {@code assign}) and where to start, and loads. Each row is a Kafka record:
 * {@code key} and {@code value} (binary), {@code topic}, {@code partition}, {@code offset},
 * {@code timestamp}, {@code timestampType}.
 */
public final class KafkaSourcesStructured {

    private KafkaSourcesStructured() {}

    /** The records of one or more topics, from the earliest record each partition still holds. */
    public static Dataset<Row> subscribe(DataStreamReader kafka, String... topics) {
        // TODO: kafka.option("subscribe", ...) takes one topic or several separated by commas
        //       (String.join(",", topics)); option("startingOffsets", "earliest") (a stream starts at
        //       "latest" unless told); then load().
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.subscribe: option(\"subscribe\","
                + " the topics joined by commas), option(\"startingOffsets\", \"earliest\"), load().");
    }

    /** The records of every topic whose name matches the regular expression, also of topics made later. */
    public static Dataset<Row> subscribePattern(DataStreamReader kafka, String regex) {
        // TODO: as subscribe, with option("subscribePattern", regex) instead of "subscribe".
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.subscribePattern:"
                + " option(\"subscribePattern\", regex), from the earliest offsets, load().");
    }

    /** The records of exactly these partitions (topic to partition numbers), from the earliest. */
    public static Dataset<Row> assign(DataStreamReader kafka, Map<String, List<Integer>> partitions) {
        // TODO 1: option("assign", json) takes a JSON object of topics and partition numbers:
        //         {"orders":[0,2]}. Write the map as JSON with Jackson (Spark brings it):
        //         new ObjectMapper().writeValueAsString(partitions) (com.fasterxml.jackson.databind; it throws
        //         the checked JsonProcessingException: catch it and throw an unchecked one).
        // TODO 2: from the earliest offsets, then load().
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.assign: option(\"assign\", the map as JSON"
                + " written by Jackson's ObjectMapper, e.g. {\"orders\":[0,2]}), from the earliest offsets, load().");
    }

    /** Only the records that arrive after the query has started (what a topic held before is skipped). */
    public static Dataset<Row> newRecordsOnly(DataStreamReader kafka, String topic) {
        // TODO: subscribe to the topic and say where it starts: option("startingOffsets", "latest"). (It is the
        //       default of a stream, but a reader of your code should not have to know that.)
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.newRecordsOnly: subscribe to the topic"
                + " with option(\"startingOffsets\", \"latest\"), load().");
    }

    /**
     * The records of a topic from the given offset of each partition (partition to offset; -2 is the
     * earliest, -1 the latest), for a query that starts without a checkpoint.
     */
    public static Dataset<Row> fromOffsets(DataStreamReader kafka, String topic, Map<Integer, Long> offsets) {
        // TODO: subscribe to the topic; startingOffsets is then a JSON object of topics, each an object of
        //       partitions and offsets: {"lines":{"0":2,"1":-2}}. Jackson writes it from Map.of(topic, offsets).
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.fromOffsets: subscribe to the topic,"
                + " option(\"startingOffsets\", the JSON of Map.of(topic, offsets), e.g. {\"lines\":{\"0\":2,\"1\":-2}}),"
                + " load().");
    }

    /**
     * A batch read (not a stream) of the records of a topic from offset {@code from} (included) to
     * {@code until} (left out) of each partition; -2 is the earliest, and -1 the latest for {@code until}.
     */
    public static Dataset<Row> range(DataFrameReader kafka, String topic, Map<Integer, Long> from,
                                     Map<Integer, Long> until) {
        // TODO: kafka is spark.read().format("kafka")...: a batch query, which also takes "endingOffsets".
        //       Subscribe to the topic; startingOffsets and endingOffsets are JSON as in fromOffsets.
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.range: subscribe to the topic,"
                + " option(\"startingOffsets\", JSON of from), option(\"endingOffsets\", JSON of until), load().");
    }

    /**
     * As {@link #subscribe} of one topic, but a query that finds records gone (deleted, aged out) since its
     * last batch carries on with what is still there instead of failing.
     */
    public static Dataset<Row> skippingLostRecords(DataStreamReader kafka, String topic) {
        // TODO: as subscribe, with option("failOnDataLoss", false) (it is true unless set).
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.skippingLostRecords: subscribe from the"
                + " earliest offsets with option(\"failOnDataLoss\", false), load().");
    }
}
