package streamlab.lab11;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import streamlab.support.MissingSolutionException;

/**
 * Lab 11, DStream API: what to do with the values a {@link KafkaReceiver} brings in. Spark 4.1 has no
 * Kafka integration for DStreams, so the values come from a receiver of our own:
 * {@code ssc.receiverStream(new KafkaReceiver(...))}.
 */
public final class KafkaDStream {

    private KafkaDStream() {}

    /** The words of each batch's values with how often each came in that batch. */
    public static JavaPairDStream<String, Long> wordCounts(JavaDStream<String> values) {
        // TODO: flatMap each value into its words (Tokens.split(value).iterator()), mapToPair to (word, 1L),
        //       reduceByKey(Long::sum). (Tokens.split(null) gives no words: a record without a value.)
        throw new MissingSolutionException("Lab 11, KafkaDStream.wordCounts: flatMap the values into words"
                + " (Tokens.split), mapToPair to (word, 1L), reduceByKey(Long::sum).");
    }
}
