package streamlab.lab04;

import java.util.List;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;
import streamlab.support.Tokens;

/**
 * Lab 04, DStream API: how many words of each length arrived in the last 5 s, every 2 s, and how many
 * words were read in all.
 *
 * <p>Input: the lines of 1-second batches. The length of a word is its number of characters (Unicode
 * code points) as {@link Tokens#split} gives it: {@code "hello"} 5, {@code "don't"} 5, {@code "東京"} 2.
 */
public final class WordLengthsDStream {

    private WordLengthsDStream() {}

    /** {@code (length, number of words of that length)} over the lines of the last 5 s, every 2 s. */
    public static JavaPairDStream<Integer, Long> lengthCounts(JavaDStream<String> lines) {
        return lines.window(Durations.seconds(5), Durations.seconds(2))
                .flatMap(line -> Tokens.split(line).iterator())
                .mapToPair(word -> new Tuple2<>(word.codePointCount(0, word.length()), 1L))
                .reduceByKey(Long::sum);
    }

    /**
     * The number of words read since the start: exactly one number after every batch, 0 until the
     * first word. Needs a checkpoint directory.
     */
    public static JavaDStream<Long> totalWords(JavaDStream<String> lines) {
        return lines.flatMap(line -> Tokens.split(line).iterator())
                .count() // one element per batch, 0 for no words
                .mapToPair(words -> new Tuple2<>("words", words))
                .updateStateByKey((List<Long> thisBatch, Optional<Long> total) -> {
                    long sum = total.orElse(0L);
                    for (long words : thisBatch) {
                        sum += words;
                    }
                    return Optional.of(sum);
                })
                .map(Tuple2::_2);
    }
}
