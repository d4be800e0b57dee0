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
        // TODO: input: a Kafka reader and one or more topic names. Output: the records of all those topics,
        //       from the earliest record each partition still holds (a stream starts at the latest unless told).
        //       The idea: a query chooses its topics and its starting point with the source's options.
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.subscribe: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }

    /** The records of every topic whose name matches the regular expression, also of topics made later. */
    public static Dataset<Row> subscribePattern(DataStreamReader kafka, String regex) {
        // TODO: input: a Kafka reader and a regular expression. Output: the records of every topic whose name
        //       matches it, from the earliest, also of topics made while the query runs.
        //       The idea: topics chosen by a name pattern, not by a list.
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.subscribePattern: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }

    /** The records of exactly these partitions (topic to partition numbers), from the earliest. */
    public static Dataset<Row> assign(DataStreamReader kafka, Map<String, List<Integer>> partitions) {
        // TODO: input: a Kafka reader and a map of topics to partition numbers, e.g. orders to [0, 2].
        //       Output: the records of exactly those partitions, from the earliest. The source takes the map
        //       as JSON text, {"orders":[0,2]}, written by a JSON library, not glued together by hand.
        //       The idea: choosing partitions rather than topics.
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.assign: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }

    /** Only the records that arrive after the query has started (what a topic held before is skipped). */
    public static Dataset<Row> newRecordsOnly(DataStreamReader kafka, String topic) {
        // TODO: input: a Kafka reader and a topic. Output: only the records that arrive after the query has
        //       started. Say so in the code, even where it is the default.
        //       The idea: where a new query starts in a topic that already holds records.
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.newRecordsOnly: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }

    /**
     * The records of a topic from the given offset of each partition (partition to offset; -2 is the
     * earliest, -1 the latest), for a query that starts without a checkpoint.
     */
    public static Dataset<Row> fromOffsets(DataStreamReader kafka, String topic, Map<Integer, Long> offsets) {
        // TODO: input: a Kafka reader, a topic and an offset for each of its partitions (-2: the earliest,
        //       -1: the latest). Output: the topic's records from those offsets on. The offsets reach the source
        //       as JSON of topic, partition and offset: {"lines":{"0":2,"1":-2}}.
        //       The idea: a new query may start at any offset of each partition.
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.fromOffsets: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }

    /**
     * A batch read (not a stream) of the records of a topic from offset {@code from} (included) to
     * {@code until} (left out) of each partition; -2 is the earliest, and -1 the latest for {@code until}.
     */
    public static Dataset<Row> range(
            DataFrameReader kafka, String topic, Map<Integer, Long> from, Map<Integer, Long> until) {
        // TODO: input: a batch reader (not a stream), a topic, and for each partition a first offset
        //       (included) and a last one (left out). Output: the records between them, as a batch DataFrame.
        //       Both bounds reach the source as JSON, as in fromOffsets.
        //       The idea: a batch query reads a bounded slice of a topic, which a stream cannot.
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.range: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }

    /**
     * As {@link #subscribe} of one topic, but a query that finds records gone (deleted, aged out) since its
     * last batch carries on with what is still there instead of failing.
     */
    public static Dataset<Row> skippingLostRecords(DataStreamReader kafka, String topic) {
        // TODO: input: a Kafka reader and a topic. Output: as subscribe of that topic, but a query that finds
        //       records gone since its last batch (deleted, aged out) carries on instead of stopping.
        //       The idea: what a query does when Kafka no longer holds what it was about to read.
        throw new MissingSolutionException("Lab 11, KafkaSourcesStructured.skippingLostRecords: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }
}
