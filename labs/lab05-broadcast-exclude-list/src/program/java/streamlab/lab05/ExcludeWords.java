package streamlab.lab05;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import streamlab.support.Tokens;

/**
 * Which words Lab 05 leaves out (given: this is the lab's setting, not the exercise).
 *
 * <p>Unless the program is started with {@code --exclude FILE}, the words are {@link #DEFAULT}. A file
 * lists the words one or more to a line; {@code #} starts a comment. Every line goes through the course's
 * tokenization rule ({@link Tokens#split}), so {@code The} in the file excludes the word {@code the}, and
 * a file word always looks like the words it is compared with.
 */
public final class ExcludeWords {

    /** The words left out when no file is given: lower-case, as {@link Tokens#split} gives words. */
    public static final List<String> DEFAULT = List.of("a", "an", "and", "in", "is", "it", "of", "the", "to");

    private static volatile List<String> current = DEFAULT;

    private ExcludeWords() {}

    /** The words to leave out now: what {@link ExcludeList} broadcasts when it creates its broadcast. */
    public static List<String> current() {
        return current;
    }

    /** From now on leave out these words (the program calls it for {@code --exclude FILE}). */
    public static void use(List<String> words) {
        current = List.copyOf(words);
    }

    /** Back to {@link #DEFAULT}. */
    public static void useDefault() {
        current = DEFAULT;
    }

    /** The words of an exclude file, in the order they first appear, each once. */
    public static List<String> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the exclude list " + file + ": " + e.getMessage(), e);
        }
        Set<String> words = new LinkedHashSet<>();
        for (String line : lines) {
            int comment = line.indexOf('#');
            words.addAll(Tokens.split(comment >= 0 ? line.substring(0, comment) : line));
        }
        return List.copyOf(words);
    }

    /** The words as a static table with one string column {@code word}, one row per word. */
    public static Dataset<Row> table(SparkSession spark, List<String> words) {
        return spark.createDataset(List.copyOf(new LinkedHashSet<>(words)), Encoders.STRING())
                .toDF("word");
    }
}
