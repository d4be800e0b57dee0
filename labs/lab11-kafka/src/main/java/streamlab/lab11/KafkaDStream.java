package streamlab.lab11;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import streamlab.support.MissingSolutionException;

/**
 * Lab 11, DStream API: what to do with the values a {@link KafkaReceiver} brings in, a receiver of our own:
 * {@code ssc.receiverStream(new KafkaReceiver(...))} (the direct stream is {@link KafkaDirectDStream}).
 */
public final class KafkaDStream {

    private KafkaDStream() {}

    /** The words of each batch's values with how often each came in that batch. */
    public static JavaPairDStream<String, Long> wordCounts(JavaDStream<String> values) {
        // TODO: input: the values a receiver brought in, in batches (a record without a value gives null).
        //       Output: for each batch, (word, count) for every word of its values, by the course's word rule,
        //       whatever partition the value came from; a null value has no words.
        //       The idea: lab 01's per-batch count works on any DStream of text, whatever its source.
        throw new MissingSolutionException(
                "Lab 11, KafkaDStream.wordCounts: the hints are in" + " labs/lab11-kafka/README.md, section Hints.");
    }
}
