package streamlab.lab11;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the checkpoint folder of a Structured query says (given code, for the program): which Kafka topics
 * its source started on, and whether its last batch was planned ({@code offsets/N}) but not committed
 * ({@code commits/N}), so that a new start runs it again.
 */
final class QueryCheckpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryCheckpoint() {}

    /** True when {@code dir} holds a query's checkpoint (Spark's {@code metadata} file and {@code offsets/}). */
    static boolean isQueryCheckpoint(Path dir) {
        return Files.isRegularFile(dir.resolve("metadata")) && Files.isDirectory(dir.resolve("offsets"));
    }

    /**
     * The topics the query's first source started on: the keys of {@code sources/0/0}, which the Kafka source
     * writes when the query starts ({@code {"lines":{"0":0,"1":0}}}). Null when the folder holds no such
     * file or something else (another kind of source).
     */
    static List<String> kafkaTopics(Path dir) {
        Path initial = dir.resolve("sources").resolve("0").resolve("0");
        if (!Files.isRegularFile(initial)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(initial);
            JsonNode offsets = lines.size() < 2 ? null : JSON.readTree(lines.get(1));
            if (offsets == null || !offsets.isObject()) {
                return null;
            }
            List<String> topics = new ArrayList<>();
            offsets.fieldNames().forEachRemaining(topics::add);
            return topics;
        } catch (IOException e) {
            return null; // not JSON: not a Kafka source
        }
    }

    /** True when the last batch in {@code offsets/} has no entry in {@code commits/}: a new start runs it again. */
    static boolean hasUnfinishedBatch(Path dir) {
        long planned = last(dir.resolve("offsets"));
        return planned >= 0 && planned > last(dir.resolve("commits"));
    }

    /** Deletes the checkpoint folder and everything in it. */
    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The highest batch number among a log folder's files (0, 1, 2, ...), or -1. */
    private static long last(Path log) {
        if (!Files.isDirectory(log)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d+"))
                    .mapToLong(Long::parseLong)
                    .max()
                    .orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
