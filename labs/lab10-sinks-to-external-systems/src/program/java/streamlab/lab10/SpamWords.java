package streamlab.lab10;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import streamlab.support.LabUsageException;
import streamlab.support.Tokens;

/**
 * The spam words the DStream side leaves out (given: the lab's setting, not the exercise): the static
 * "spam" RDD of the course notes' {@code transform} example, made once on the driver.
 */
public final class SpamWords {

    /** The words left out when no {@code --spam FILE} is given: lower-case, as {@link Tokens#split} gives words. */
    public static final List<String> DEFAULT = List.of("buy", "cheap", "click", "free", "offer", "winner");

    private SpamWords() {}

    /** The words of {@code --spam FILE}, or {@link #DEFAULT} without one; a file that cannot be read is one sentence. */
    public static List<String> of(Path file) {
        if (file == null) {
            return DEFAULT;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new LabUsageException("Cannot read " + file + ": no such file (paths are relative to "
                    + System.getProperty("user.dir") + ").");
        }
        return load(file);
    }

    /** The words of a spam file (one or more a line, {@code #} starts a comment), each once, in order. */
    public static List<String> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spam list " + file + ": " + e.getMessage(), e);
        }
        Set<String> words = new LinkedHashSet<>();
        for (String line : lines) {
            int comment = line.indexOf('#');
            words.addAll(Tokens.split(comment >= 0 ? line.substring(0, comment) : line));
        }
        return List.copyOf(words);
    }

    /** The words as a static RDD over 2 partitions, each word once. */
    public static JavaRDD<String> rdd(JavaSparkContext sc, List<String> words) {
        return sc.parallelize(List.copyOf(new LinkedHashSet<>(words)), 2);
    }
}
