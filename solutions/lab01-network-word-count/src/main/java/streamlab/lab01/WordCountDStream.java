package streamlab.lab01;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;
import streamlab.support.Tokens;

/**
 * Lab 01, DStream API: count the words of each batch.
 *
 * <p>Input: the lines that arrived during one batch interval. Output: for every word of those lines,
 * {@code (word, how many times it occurred in this batch)}. A DStream is a sequence of RDDs, one per
 * batch, and this count starts from zero in every batch.
 */
public final class WordCountDStream {

    private WordCountDStream() {}

    public static JavaPairDStream<String, Long> wordCounts(JavaDStream<String> lines) {
        JavaDStream<String> words = lines.flatMap(
                line -> Arrays.stream(line.toLowerCase(Locale.ROOT).split(Tokens.SEPARATORS))
                        .filter(word -> !word.isEmpty())
                        .iterator());
        return words.mapToPair(word -> new Tuple2<>(word, 1L)).reduceByKey(Long::sum);
    }
}
