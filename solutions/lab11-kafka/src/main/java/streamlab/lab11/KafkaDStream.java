package streamlab.lab11;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;
import streamlab.support.Tokens;

/**
 * Lab 11, DStream API: what to do with the values a {@link KafkaReceiver} brings in, a receiver of our own:
 * {@code ssc.receiverStream(new KafkaReceiver(...))} (the direct stream is {@link KafkaDirectDStream}).
 */
public final class KafkaDStream {

    private KafkaDStream() {}

    /** The words of each batch's values with how often each came in that batch. */
    public static JavaPairDStream<String, Long> wordCounts(JavaDStream<String> values) {
        return values.flatMap(value -> Tokens.split(value).iterator())
                .mapToPair(word -> new Tuple2<>(word, 1L))
                .reduceByKey(Long::sum);
    }
}
