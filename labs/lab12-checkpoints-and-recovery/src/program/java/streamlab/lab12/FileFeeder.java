package streamlab.lab12;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drops the {@code .json} files of a folder into a watched folder, one every few seconds, as a system
 * that delivers files would: copied under a hidden name, then moved to its real name in one step. A
 * file an earlier run already delivered is not delivered again, so a program started again goes on
 * with the files it had not delivered yet.
 */
final class FileFeeder implements AutoCloseable {

    private final Path into;
    private final Deque<Path> waiting;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "file-feeder");
        t.setDaemon(true);
        return t;
    });

    private FileFeeder(Path into, List<Path> files) {
        this.into = into;
        this.waiting = new ArrayDeque<>(files);
    }

    /** A feeder of the files of {@code from} not yet in {@code into} (which it creates). */
    static FileFeeder of(Path from, Path into) throws IOException {
        Files.createDirectories(into);
        List<Path> files = jsonFiles(from).stream().filter(f -> !Files.exists(into.resolve(f.getFileName()))).toList();
        int delivered = jsonFiles(from).size() - files.size();
        if (delivered > 0) {
            System.out.println("== " + delivered + " files of " + from + " are in " + into + " already (an earlier run"
                    + " delivered them): going on with the " + files.size() + " others");
        }
        return new FileFeeder(into, files);
    }

    /** The {@code .json} files of a folder, by name. */
    static List<Path> jsonFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }

    /** Delivers the next file every {@code seconds}, the first one at once. */
    void start(int seconds) {
        timer.scheduleAtFixedRate(() -> {
            if (!deliverOne()) {
                timer.shutdown();
            }
        }, 0, seconds, TimeUnit.SECONDS);
    }

    private boolean deliverOne() {
        Path file = waiting.poll();
        if (file == null) {
            return false;
        }
        Path target = into.resolve(file.getFileName());
        Path hidden = into.resolve("." + file.getFileName() + ".copying");
        try {
            Files.copy(file, hidden, StandardCopyOption.REPLACE_EXISTING);
            Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("== cannot copy " + file + " into " + into + ": " + e);
            return false;
        }
        System.out.println("== delivered " + target + (waiting.isEmpty() ? " (the last one)" : ""));
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
