package streamlab.support;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The tokenization rule these labs chose, identical in both APIs. (The course notes split on single
 * spaces and keep case; labs/lab02-running-totals/CONCEPTS.md compares the two.)
 *
 * <ol>
 *   <li>lower-case the line ({@code Hello} and {@code hello} are one word);</li>
 *   <li>split it on every run of characters that are not a letter, a digit or an apostrophe
 *       (spaces, tabs, punctuation): {@value #SEPARATORS};</li>
 *   <li>drop the empty strings that splitting leaves (an empty line has no words).</li>
 * </ol>
 *
 * <p>So {@code "Hello,  hello\tWORLD!"} gives {@code [hello, hello, world]}, {@code "don't"} stays one
 * word, and {@code "Straße café 東京"} gives three words. Both APIs use Java's regular expressions, so
 * the DStream and the Structured versions agree on every line.
 */
public final class Tokens {

    /** Everything that separates two words: a regular expression for {@code split}. */
    public static final String SEPARATORS = "[^\\p{L}\\p{N}']+";

    private static final Pattern SEPARATOR_PATTERN = Pattern.compile(SEPARATORS);

    private Tokens() {}

    /** The words of one line, for the DStream API (use it in {@code flatMap}). */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        if (line == null) {
            return words;
        }
        for (String w : SEPARATOR_PATTERN.split(line.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * The words of every line, for the Structured API: one row per word in a column {@code word},
     * with the other columns of {@code lines} (a timestamp, say) kept beside it.
     *
     * @param lines a streaming or static Dataset with a string column {@code value}
     */
    public static Dataset<Row> words(Dataset<Row> lines) {
        return lines.withColumn("word", explode(functions.split(lower(col("value")), SEPARATORS)))
                .drop("value")
                .filter(col("word").notEqual(""));
    }
}
