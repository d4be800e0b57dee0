package streamlab.lab08;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import streamlab.support.LabUsageException;

/** The checks and folders of Lab08 around its sinks: given code, which you run but do not edit. */
final class SinkFolders {

    private static final String SINK_LOG = "_spark_metadata";

    private SinkFolders() {}

    /** The checkpoint folder, or one sentence when it names a file. */
    static Path checkpoint(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new LabUsageException(
                    "--checkpoint " + dir + " is a file: give a folder (default: checkpoints/lab08).");
        }
        return dir;
    }

    /** A DStream batch interval that divides the windows' slide, or one sentence. */
    static int slideMultiple(int batchSeconds, int slideSeconds) {
        if (slideSeconds % batchSeconds != 0) {
            throw new LabUsageException("--batch " + batchSeconds + ": a DStream window of 30 s every " + slideSeconds
                    + " s is made of whole batches, so the batch must divide " + slideSeconds + " s (1, 3, 5 or 15).");
        }
        return batchSeconds;
    }

    /**
     * The CSV sink's folder, emptied of an earlier run's windows. A socket query starts afresh (a new
     * checkpoint), and the sink's log would otherwise skip the new run's first micro-batches as already
     * written. A folder that holds anything else is left alone, with one sentence.
     */
    static String freshCsvOutput(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new LabUsageException("--output " + dir + " is a file: give a folder for the CSV sink.");
        }
        List<Path> entries = list(dir);
        if (entries.isEmpty()) {
            return dir.toString();
        }
        boolean earlierRun = Files.isDirectory(dir.resolve(SINK_LOG))
                && entries.stream().allMatch(p -> {
                    String name = p.getFileName().toString();
                    return name.equals(SINK_LOG)
                            || (name.startsWith("window=")
                                    && Files.isDirectory(p)
                                    && list(p).stream()
                                            .allMatch(f ->
                                                    f.getFileName().toString().matches("\\.?part-.*\\.csv(\\.crc)?")));
                });
        if (!earlierRun) {
            throw new LabUsageException("--output " + dir + " holds files that are not this lab's CSV windows"
                    + " (_spark_metadata and window=... folders of .csv files): give another folder, or empty it.");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("== emptied " + dir + " (an earlier run's windows: a socket stream starts afresh)");
        return dir.toString();
    }

    /** What the CSV sink wrote: a folder per window, its files and their lines (value,count). */
    static void printWindows(Path dir) throws IOException {
        List<Path> windows = list(dir).stream()
                .filter(p -> p.getFileName().toString().startsWith("window="))
                .toList();
        System.out.println("== " + dir + " holds " + windows.size() + " window folder(s):");
        for (Path window : windows) {
            for (Path file : list(window)) {
                if (file.getFileName().toString().endsWith(".csv")) {
                    System.out.println("   " + window.getFileName() + "/" + file.getFileName() + "   "
                            + String.join(" ", Files.readAllLines(file)));
                }
            }
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
