package streamlab.support;

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
 * Delivers the {@code .json} files of a folder into a watched folder, one every few seconds, as a system
 * that delivers files would: each is copied under a hidden name ({@code .events-01.json.copying}, which
 * file streams skip), then moved to its real name in one step, so a reader never sees half a file. A file
 * an earlier run delivered already is not delivered again: a program started again goes on with the others.
 */
public final class FileFeeder implements AutoCloseable {

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

    /** A feeder of the {@code .json} files of {@code from} (by name) not yet in {@code into}, which it creates. */
    public static FileFeeder of(Path from, Path into) throws IOException {
        Files.createDirectories(into);
        List<Path> all = jsonFiles(from);
        List<Path> files = all.stream()
                .filter(f -> !Files.exists(into.resolve(f.getFileName())))
                .toList();
        if (files.isEmpty() && !all.isEmpty()) {
            System.out.println("== every file of " + from + " is in " + into + " already (an earlier run delivered"
                    + " them): nothing new to read. To start over, delete " + into
                    + ", the output and the checkpoints.");
        } else if (files.size() < all.size()) {
            System.out.println("== " + (all.size() - files.size()) + " files of " + from + " are in " + into
                    + " already (an earlier run delivered them): going on with the " + files.size() + " others");
        }
        return new FileFeeder(into, files);
    }

    /** A feeder that delivers nothing: it makes {@code into} and says how to put a file there by hand. */
    public static FileFeeder none(Path into) throws IOException {
        Files.createDirectories(into);
        Path part = into.resolve(".part");
        System.out.println("== nothing is delivered (--no-feed): put files into " + into + " yourself, each in one"
                + " step: copy it under a name that starts with a dot (a file source skips those), then rename it: cp"
                + " FILE " + part + " && mv " + part + " " + into.resolve("NAME.json"));
        return new FileFeeder(into, List.of());
    }

    /** The {@code .json} files of a folder, by name. */
    public static List<Path> jsonFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        }
    }

    /** Delivers the first file after {@code firstAfterSeconds} (0: at once), then one every {@code everySeconds}. */
    public void start(int firstAfterSeconds, int everySeconds) {
        timer.scheduleAtFixedRate(
                () -> {
                    if (!deliverOne()) {
                        timer.shutdown();
                    }
                },
                firstAfterSeconds,
                everySeconds,
                TimeUnit.SECONDS);
    }

    /**
     * Delivers every file now, their modification times one second apart in name order: a file source
     * reads files in the order of their times.
     */
    public void deliverAll() {
        long time = System.currentTimeMillis() - 1000L * waiting.size();
        for (Path file = waiting.peek(); deliverOne(); file = waiting.peek()) {
            into.resolve(file.getFileName()).toFile().setLastModified(time += 1000);
        }
    }

    /** Delivers the next file; false when there is none left (or it cannot be copied). */
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
