package streamlab.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One student's work: a copy of {@code labs/} (a folder with {@code labNN-name/src/main/java}), or a
 * copy of the whole repository (then its {@code labs/} folder is used).
 */
public record Submission(String name, Path labsDir) {

    public static Submission at(Path path) {
        Path dir = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new GradingException("No submission at " + path + ": it is not a folder.");
        }
        Path labs = Files.isDirectory(dir.resolve("labs")) ? dir.resolve("labs") : dir;
        return new Submission(dir.getFileName().toString(), labs);
    }

    /** The main sources of a lab in this submission, if it has them. */
    public Optional<Path> sources(LabCatalog.Lab lab) {
        Path src = labsDir.resolve(lab.dirName()).resolve("src/main/java");
        if (Files.isDirectory(src)) {
            return Optional.of(src);
        }
        // a student may have renamed the folder: accept any labNN-* with sources
        try (var dirs = Files.list(labsDir)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("lab" + lab.number() + "-"))
                    .map(d -> d.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .findFirst();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
