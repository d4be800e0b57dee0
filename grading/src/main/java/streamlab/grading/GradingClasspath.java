package streamlab.grading;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The classpath of a graded run: the grader's own (Spark, the harness, lab-support, JUnit), to which the
 * student's classes are added lab by lab. It must hold no lab classes at all, neither reference answers
 * nor skeletons: that is checked by what the entries contain, not by where they are.
 */
final class GradingClasspath {

    /** A class of a lab: {@code streamlab/lab01/...}. */
    private static final Pattern LAB_CLASS = Pattern.compile("streamlab/lab\\d\\d/.*\\.class");

    private GradingClasspath() {}

    /** This JVM's classpath, checked, with absolute paths (the graded run starts in another folder). */
    static String current() {
        List<String> entries = new ArrayList<>();
        List<String> withLabClasses = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            entries.add(path.toString());
            if (holdsLabClasses(path)) {
                withLabClasses.add(entry);
            }
        }
        if (!withLabClasses.isEmpty()) {
            throw new GradingException("The grader's classpath holds lab classes (" + String.join(", ", withLabClasses)
                    + "): a graded run must find only the student's. Run the grader with ./grade, from its own module.");
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The classpath with each folder of classes (the project's own modules, when the grader runs from a
     * build) replaced by a copy under {@code snapshotDir}: a rebuild of the project while a class is graded
     * then cannot pull classes away from under a graded run.
     */
    static String snapshot(String classpath, Path snapshotDir) {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path copy = snapshotDir.resolve(String.valueOf(n++));
            try (Stream<Path> files = Files.walk(path)) {
                for (Path f : files.toList()) {
                    Path dest = copy.resolve(path.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(f, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            entries.add(copy.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    static boolean holdsLabClasses(Path entry) {
        if (Files.isDirectory(entry)) {
            Path streamlab = entry.resolve("streamlab");
            if (!Files.isDirectory(streamlab)) {
                return false;
            }
            try (Stream<Path> dirs = Files.list(streamlab)) {
                return dirs.anyMatch(d -> d.getFileName().toString().matches("lab\\d\\d"));
            } catch (IOException e) {
                return false;
            }
        }
        if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
            try (ZipFile jar = new ZipFile(entry.toFile())) {
                return jar.stream().anyMatch(e -> LAB_CLASS.matcher(e.getName()).matches());
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }
}
