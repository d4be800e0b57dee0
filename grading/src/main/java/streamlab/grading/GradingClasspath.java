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
