package streamlab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Checkpoint directories of the lab programs. */
public final class Checkpoints {

    private Checkpoints() {}

    /**
     * The checkpoint location of a Structured query that reads a socket, emptied first. A socket source
     * cannot be replayed: a new connection starts again at offset 0, so a query resumed from an earlier
     * run's checkpoint fails ("Offsets committed out of order"). Each run therefore starts afresh; the
     * query's state lives in the checkpoint while it runs. Only a directory that looks like a query
     * checkpoint (a metadata file and offsets/) is emptied.
     */
    public static String freshForSocket(Path dir) {
        if (Files.isRegularFile(dir.resolve("metadata")) && Files.isDirectory(dir.resolve("offsets"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println(
                    "== starting afresh in " + dir + " (a socket stream cannot resume an earlier run's query)");
        }
        return dir.toString();
    }
}
