package streamlab.grading;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
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
            throw new GradingException(
                    "The grader's classpath holds lab classes (" + String.join(", ", withLabClasses)
                            + "): a graded run must find only the student's. Run the grader with ./grade, from its own module.");
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The classpath with each folder of classes (the project's own modules, when the grader runs from a
     * build) replaced by a jar of it in {@code jarDir}, named by what it holds: a rebuild of the project while
     * a class is graded cannot pull classes away from under a graded run, and the grading JVMs can map their
     * classes from a class-data archive, which Java 17 records from jars only ({@link ClassDataArchive}).
     */
    static String snapshot(String classpath, Path jarDir) {
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            entries.add(Files.isDirectory(path) ? jarOf(path, jarDir).toString() : entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path jarOf(Path folder, Path jarDir) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                sha.update(folder.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(f));
            }
            Path jar = jarDir.resolve("grading-classes-" + HexFormat.of().formatHex(sha.digest(), 0, 8) + ".jar");
            if (!Files.exists(jar)) {
                Files.createDirectories(jarDir);
                Path partial = Files.createTempFile(jarDir, "classes-", ".partial");
                try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial))) {
                    for (Path f : files) {
                        out.putNextEntry(
                                new JarEntry(folder.relativize(f).toString().replace(File.separatorChar, '/')));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
                Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return jar.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
