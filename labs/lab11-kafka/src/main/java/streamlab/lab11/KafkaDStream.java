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
        // TODO: produce, for each batch, every word of its values (the course's word rule, Tokens; a record
        //       without a value has no words) with how often it came in that batch, whatever partition it
        //       came from. It practises a per-batch word count on values a receiver brought in.
        throw new MissingSolutionException("Lab 11, KafkaDStream.wordCounts: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }
}
