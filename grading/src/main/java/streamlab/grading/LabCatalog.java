package streamlab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The labs of this repository, as the grading suite knows them: every {@code labs/labNN-name} folder
 * with tests in {@code src/test/java}. The tests always come from here, never from a submission.
 */
public final class LabCatalog {

    /**
     * One lab: its number ("01"), its folder name, the folder of its graded tests, the folder of its
     * program and given helpers ({@code src/program/java}), which students do not edit, and the folder of
     * its exercises as this repository has them ({@code src/main/java}).
     */
    public record Lab(String number, String dirName, Path tests, Path program, Path skeleton) {}

    private static final Pattern LAB_DIR = Pattern.compile("lab(\\d\\d)-[a-z0-9-]+");

    private final Path root;
    private final List<Lab> labs;

    private LabCatalog(Path root, List<Lab> labs) {
        this.root = root;
        this.labs = labs;
    }

    /** The repository that contains {@code start} (or is above it). */
    public static LabCatalog find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("labs"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("grading"))) {
                return new LabCatalog(dir, scan(dir.resolve("labs")));
            }
        }
        throw new GradingException("Cannot find the lab repository (a folder with pom.xml, labs/ and grading/)"
                + " at or above " + start.toAbsolutePath() + ". Run the grader from the repository.");
    }

    private static List<Lab> scan(Path labsDir) {
        List<Lab> labs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(labsDir)) {
            dirs.sorted().forEach(dir -> {
                Matcher m = LAB_DIR.matcher(dir.getFileName().toString());
                if (m.matches() && Files.isDirectory(dir.resolve("src/test/java"))) {
                    labs.add(new Lab(
                            m.group(1),
                            dir.getFileName().toString(),
                            dir.resolve("src/test/java"),
                            dir.resolve("src/program/java"),
                            dir.resolve("src/main/java")));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(labs);
    }

    public Path root() {
        return root;
    }

    public List<Lab> labs() {
        return labs;
    }

    public Optional<Lab> lab(String number) {
        String n = number.length() == 1 ? "0" + number : number;
        return labs.stream().filter(l -> l.number().equals(n)).findFirst();
    }

    /** The labs named (all when {@code numbers} is empty); an unknown number is a usage error. */
    public List<Lab> select(List<String> numbers) {
        if (numbers == null || numbers.isEmpty()) {
            return labs;
        }
        List<Lab> chosen = new ArrayList<>();
        for (String n : numbers) {
            chosen.add(lab(n).orElseThrow(() -> new GradingException("There is no lab " + n + ". Labs: "
                    + labs.stream().map(Lab::number).toList() + ".")));
        }
        return chosen;
    }
}
