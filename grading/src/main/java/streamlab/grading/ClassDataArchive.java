package streamlab.grading;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A class-data sharing archive for the grading JVMs: the classes a graded run loads (Spark's above all),
 * recorded once per grading classpath by a short training run ({@link ClassDataTraining}) and mapped by every
 * grading JVM after it, which then starts Spark and runs its first query in about half the time (measured on
 * 2 cores: 10 s to 5 s). Java 17 records only classes from jars, so the grading classpath is all jars.
 *
 * <p>An archive that is missing, cannot be made, or no longer fits the JVM or the jars costs speed only: the
 * JVM then loads its classes as usual, and says nothing ({@link #QUIET}).
 */
final class ClassDataArchive {

    /** Keeps the JVM silent when it cannot use an archive. */
    static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(3);
    private static final Duration KEEP_OLD = Duration.ofHours(1);
    private static final Object MAKING = new Object();

    private final Path dir;

    ClassDataArchive(Path dir) {
        this.dir = dir;
    }

    /**
     * The archive for JVMs started with these options and this classpath, made first if there is none yet
     * (about 30 s, once); empty when it cannot be made.
     */
    @SuppressWarnings("try") // the file lock is held for the block and never read
    Optional<Path> forJvm(List<String> jvmOptions, String classpath, Consumer<String> note) {
        String key = key(jvmOptions, classpath);
        Path archive = dir.resolve("grading-" + key + ".jsa");
        Path failed = dir.resolve("grading-" + key + ".failed");
        synchronized (MAKING) {
            try {
                Files.createDirectories(dir);
                try (FileChannel lockFile = FileChannel.open(
                                dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = lockFile.lock()) {
                    if (Files.exists(archive)) {
                        return Optional.of(archive);
                    }
                    if (Files.exists(failed)) {
                        return Optional.empty();
                    }
                    note.accept("recording the classes of a graded run for later grading JVMs (once, about 30 s)");
                    if (train(jvmOptions, classpath, archive)) {
                        removeOld(archive, classpath);
                        return Optional.of(archive);
                    }
                    note.accept("could not record the classes of a graded run (see " + dir.resolve("training.log")
                            + "): grading goes on, each JVM loading Spark's classes itself");
                    Files.writeString(failed, "see training.log\n");
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private boolean train(List<String> jvmOptions, String classpath, Path archive)
            throws IOException, InterruptedException {
        Path partial = dir.resolve(archive.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(QUIET);
        command.add("-XX:ArchiveClassesAtExit=" + partial);
        command.add("-cp");
        command.add(classpath);
        command.add(ClassDataTraining.class.getName());
        Process training = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("training.log").toFile())
                .start();
        if (!training.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            training.destroyForcibly().waitFor();
            return false;
        }
        if (training.exitValue() != 0 || !Files.exists(partial)) {
            return false;
        }
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Archives and jars of earlier builds (each archive is about 150 MB), once nothing can be using them. */
    private void removeOld(Path archive, String classpath) throws IOException {
        Set<Path> keep = new HashSet<>();
        keep.add(archive.toAbsolutePath());
        for (String entry : classpath.split(File.pathSeparator)) {
            keep.add(Path.of(entry).toAbsolutePath());
        }
        Instant before = Instant.now().minus(KEEP_OLD);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!keep.contains(f.toAbsolutePath())
                        && name.startsWith("grading-")
                        && Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** What the archive depends on: the JVM, its options and the classpath (the jars' own dates the JVM checks). */
    static String key(List<String> jvmOptions, String classpath) {
        // the heap follows the machine's memory (MachineSize) and does not change which classes an archive
        // holds: one recorded where an autograder's image is built fits the smaller container that grades
        List<String> options =
                jvmOptions.stream().filter(o -> !o.startsWith("-Xmx")).toList();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(
                    System.getProperty("java.home"),
                    System.getProperty("java.vm.version"),
                    String.join(" ", options),
                    classpath)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
