package streamlab.lab11;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamReader;

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

    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaSourcesStructured() {}

    /** The records of one or more topics, from the earliest record each partition still holds. */
    public static Dataset<Row> subscribe(DataStreamReader kafka, String... topics) {
        return kafka.option("subscribe", String.join(",", topics)) // one topic, or several: "lines,news"
                .option("startingOffsets", "earliest") // a stream starts at "latest" unless told
                .load();
    }

    /** The records of every topic whose name matches the regular expression, also of topics made later. */
    public static Dataset<Row> subscribePattern(DataStreamReader kafka, String regex) {
        return kafka.option("subscribePattern", regex) // a regular expression, e.g. shop\..*
                .option("startingOffsets", "earliest")
                .load();
    }

    /** The records of exactly these partitions (topic to partition numbers), from the earliest. */
    public static Dataset<Row> assign(DataStreamReader kafka, Map<String, List<Integer>> partitions) {
        return kafka.option("assign", json(partitions)) // {"orders":[0,2]}
                .option("startingOffsets", "earliest")
                .load();
    }

    /** Only the records that arrive after the query has started (what a topic held before is skipped). */
    public static Dataset<Row> newRecordsOnly(DataStreamReader kafka, String topic) {
        return kafka.option("subscribe", topic)
                .option("startingOffsets", "latest") // the default of a stream, said out loud
                .load();
    }

    /**
     * The records of a topic from the given offset of each partition (partition to offset; -2 is the
     * earliest, -1 the latest), for a query that starts without a checkpoint.
     */
    public static Dataset<Row> fromOffsets(DataStreamReader kafka, String topic, Map<Integer, Long> offsets) {
        return kafka.option("subscribe", topic)
                .option("startingOffsets", json(Map.of(topic, offsets))) // {"lines":{"0":2,"1":-2}}
                .load();
    }

    /**
     * A batch read (not a stream) of the records of a topic from offset {@code from} (included) to
     * {@code until} (left out) of each partition; -2 is the earliest, and -1 the latest for {@code until}.
     */
    public static Dataset<Row> range(
            DataFrameReader kafka, String topic, Map<Integer, Long> from, Map<Integer, Long> until) {
        return kafka.option("subscribe", topic)
                .option("startingOffsets", json(Map.of(topic, from)))
                .option("endingOffsets", json(Map.of(topic, until)))
                .load();
    }

    /**
     * As {@link #subscribe} of one topic, but a query that finds records gone (deleted, aged out) since its
     * last batch carries on with what is still there instead of failing.
     */
    public static Dataset<Row> skippingLostRecords(DataStreamReader kafka, String topic) {
        return kafka.option("subscribe", topic)
                .option("startingOffsets", "earliest")
                .option("failOnDataLoss", false) // true unless set: the query stops
                .load();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }
}
