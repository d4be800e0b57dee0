package streamlab.lab07;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import streamlab.harness.Repository;

/**
 * Files for the tests: the repository's datasets, and files put into a test's own folder the way a
 * well-behaved producer does it (written under a hidden name, then moved into place in one step), with
 * the modification time the test chooses.
 */
final class TestFiles {

    private TestFiles() {}

    /** A file of the repository's {@code datasets/} folder, e.g. {@code dataset("iot/events-01.json")}. */
    static Path dataset(String relative) {
        Path file = datasets().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("There is no " + file + ": the repository's datasets are incomplete.");
        }
        return file;
    }

    /** The repository's {@code datasets/} folder. */
    static Path datasets() {
        return Repository.datasets();
    }

    /** Copies {@code from} into {@code dir} under its own name, with this modification time. */
    static Path put(Path from, Path dir, long modifiedMs) {
        try {
            return write(dir.resolve(from.getFileName().toString()), Files.readString(from), modifiedMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code file} in one step (a hidden file moved into place), with this modification time. */
    static Path write(Path file, String text, long modifiedMs) {
        try {
            Path hidden = file.resolveSibling("." + file.getFileName() + ".writing");
            Files.writeString(hidden, text);
            // the time is set before the move, so a running query never lists the file with another time
            if (!hidden.toFile().setLastModified(modifiedMs)) {
                throw new IOException("cannot set the modification time of " + hidden);
            }
            Files.move(hidden, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #write}, into {@code dir/folder}, which is made first if it is not there. */
    static Path writeIn(Path dir, String folder, String name, String text, long modifiedMs) {
        try {
            return write(Files.createDirectories(dir.resolve(folder)).resolve(name), text, modifiedMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code file} as it is, the way a slow copy leaves a half-written file. */
    static Path writeInPlace(Path file, String text, long modifiedMs) {
        try {
            Files.writeString(file, text);
            if (!file.toFile().setLastModified(modifiedMs)) {
                throw new IOException("cannot set the modification time of " + file);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the Parquet data files in {@code dir} (not the log, not the checksums). */
    static List<String> parquetFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("part-") && name.endsWith(".parquet"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file of a checkpoint (and its checksum file, if there is one), as a crash that never wrote it. */
    static void deleteFromCheckpoint(Path file) {
        try {
            Files.delete(file);
            Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
