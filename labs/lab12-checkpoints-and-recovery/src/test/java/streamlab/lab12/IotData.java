package streamlab.lab12;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import streamlab.harness.Repository;

/**
 * IoT events for the tests: JSON lines as {@code datasets/iot} has them, files put into a folder the
 * way a well-behaved producer does it (written under a hidden name, then moved into place in one step),
 * and the repository's own files.
 */
final class IotData {

    private IotData() {}

    /** One event as a JSON line; {@code time} is a time of 2023-10-27 (UTC), e.g. {@code 10:00:05}. */
    static String event(String device, double temperature, String level, String time) {
        return "{\"deviceId\":\"" + device + "\",\"temperature\":" + temperature + ",\"danger_level\":\"" + level
                + "\",\"timestamp\":\"2023-10-27T" + time + "Z\"}";
    }

    /** A time of 2023-10-27 (UTC): {@code t("10:01")}, {@code t("10:00:05")}. */
    static Instant t(String time) {
        return Instant.parse("2023-10-27T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }

    /** Writes the lines to {@code dir/name} in one step, with this modification time (0: now). */
    static Path put(Path dir, String name, List<String> lines, long modifiedMs) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Path hidden = dir.resolve("." + name + ".writing");
            Files.writeString(hidden, String.join("\n", lines) + "\n");
            if (modifiedMs > 0
                    && !hidden.toFile().setLastModified(modifiedMs)) { // before the move: listed once, with it
                throw new IOException("cannot set the modification time of " + hidden);
            }
            Files.move(hidden, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the lines to {@code dir/name} in one step. */
    static Path put(Path dir, String name, String... lines) {
        return put(dir, name, List.of(lines), 0);
    }

    /** The lines of {@code datasets/iot/events-0k.json}, k from 1 to 6. */
    static List<String> dataset(int k) {
        Path file = Repository.datasets().resolve("iot/events-0" + k + ".json");
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("There is no " + file + ": the repository's datasets are incomplete.", e);
        }
    }

    /** Deletes a file of a checkpoint and its checksum, as a crash that never wrote it would have left it. */
    static void forget(Path file) {
        try {
            Files.delete(file);
            Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last micro-batch a Structured checkpoint has committed: the highest number in commits/. */
    static long lastCommit(Path checkpoint) {
        try (Stream<Path> files = Files.list(checkpoint.resolve("commits"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d+"))
                    .mapToLong(Long::parseLong)
                    .max()
                    .orElseThrow(() -> new IllegalStateException(checkpoint + " has no commit yet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names in a folder, sorted, without checksum files. */
    static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".crc"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
