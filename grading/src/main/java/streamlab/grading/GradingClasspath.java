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

    /** This JVM's classpath, checked. */
    static String current() {
        String classpath = System.getProperty("java.class.path");
        List<String> withLabClasses = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (holdsLabClasses(Path.of(entry))) {
                withLabClasses.add(entry);
            }
        }
        if (!withLabClasses.isEmpty()) {
            throw new GradingException("The grader's classpath holds lab classes (" + String.join(", ", withLabClasses)
                    + "): a graded run must find only the student's. Run the grader with ./grade, from its own module.");
        }
        return classpath;
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
