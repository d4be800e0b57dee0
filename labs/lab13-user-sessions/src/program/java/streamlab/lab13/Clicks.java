package streamlab.lab13;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;

/**
 * Given: the clicks of the lab. A click is a line {@code user page}, e.g. {@code alice /home}: two words
 * separated by spaces. Other lines (blank, one word, three words) are not clicks and are dropped.
 */
public final class Clicks {

    private Clicks() {}

    /** DStream: the clicks of the lines as pairs {@code (user, page)}. */
    public static JavaPairDStream<String, String> pairs(JavaDStream<String> lines) {
        return lines.map(line -> line.strip().split("\\s+"))
                .filter(words -> words.length == 2)
                .mapToPair(words -> new Tuple2<>(words[0], words[1]));
    }

    /**
     * Structured: the clicks of lines with their event time (the socket source's {@code value} and
     * {@code timestamp}) as the columns {@code user}, {@code page} and {@code time}.
     */
    public static Dataset<Row> frame(Dataset<Row> events) {
        return events.select(
                        split(trim(col("value")), "\\s+").as("words"),
                        col("timestamp").as("time"))
                .where(size(col("words")).equalTo(2))
                .select(
                        element_at(col("words"), 1).as("user"),
                        element_at(col("words"), 2).as("page"),
                        col("time"));
    }

    /** The pages of a session as the lab writes them: each page once, sorted, separated by spaces. */
    public static String pagesText(Iterable<String> pages) {
        TreeSet<String> distinct = new TreeSet<>();
        pages.forEach(distinct::add);
        return String.join(" ", distinct);
    }

    /** The milliseconds since the epoch of a {@code time} value (a Timestamp, or an Instant with Java 8 dates). */
    public static long millis(Object time) {
        return time instanceof java.time.Instant instant
                ? instant.toEpochMilli()
                : ((java.sql.Timestamp) time).getTime();
    }

    /** The pages of {@link #pagesText} read back as a list (an empty text gives no page). */
    public static List<String> pagesOf(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }
}
