package streamlab.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/** Joins the files that the grading JVMs 1..n of one submission write, each into files of its own. */
final class JvmFiles {

    private JvmFiles() {}

    /** Writes the files of JVMs 1..n, one after the other, into {@code target}, and deletes them. */
    static void concatenate(int jvms, IntFunction<Path> fileOfJvm, Path target) throws IOException {
        boolean labelled = target.getFileName().toString().endsWith(".log") && jvms > 1;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int i = 1; i <= jvms; i++) {
                Path part = fileOfJvm.apply(i);
                if (labelled) {
                    out.write(("== grading JVM " + i + " of " + jvms + "\n").getBytes(StandardCharsets.UTF_8));
                }
                if (Files.exists(part)) {
                    out.write(Files.readAllBytes(part));
                    Files.delete(part);
                }
            }
        }
    }

    /**
     * Moves the JUnit XML reports that JVMs 1..n wrote into folders of their own (one file per lab,
     * {@code TEST-lab07.xml}) into {@code target}, and deletes those folders.
     */
    static void gatherReports(int jvms, IntFunction<Path> dirOfJvm, Path target) throws IOException {
        Files.createDirectories(target);
        for (int i = 1; i <= jvms; i++) {
            Path dir = dirOfJvm.apply(i);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.delete(dir);
        }
    }
}
