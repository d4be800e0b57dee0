package streamlab.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Grades one submission for a grading platform, where a result file must come out whatever happens: the
 * submission's labs are found where the platform put them, and a failure of the grader itself becomes a
 * sentence in the results rather than no file.
 */
final class PlatformGrading {

    private static final Pattern LAB_DIR = Pattern.compile("lab\\d\\d-.*");
    private static final Pattern PACKAGE =
            Pattern.compile("(?m)^\\s*package\\s+streamlab\\.lab(\\d\\d)(\\.[\\w.]+)?\\s*;");

    private PlatformGrading() {}

    /** Grades and hands the scoreboard to {@code onBoard}; on any failure hands the reason to {@code onFailure}. */
    static int grade(
            GradingOptions options,
            Path submissionDir,
            Consumer<Scoreboard> onBoard,
            Consumer<String> onFailure,
            PrintStream out) {
        try {
            LabCatalog catalog = options.catalog();
            Submission submission = Submission.at(
                    labsIn(submissionDir, catalog, options.out(catalog).resolve(".platform")));
            Scoreboard board = Grade.gradeOne(options, catalog, options.grader(catalog), submission);
            onBoard.accept(board);
            return 0;
        } catch (RuntimeException | Error e) {
            String why = "The grader could not grade this submission: " + (e.getMessage() == null ? e : e.getMessage())
                    + "\nNo points were given for it; please tell your instructor.";
            out.println(why);
            e.printStackTrace(out);
            onFailure.accept(why);
            return 1;
        }
    }

    /**
     * Where the labs of a submission are: the folder itself, its {@code labs/}, or the one folder it holds
     * (an uploaded folder). Loose {@code .java} files (an upload of single files) go into a copy of the
     * untouched skeletons, at the lab and package their {@code package} line names, in {@code work}.
     */
    static Path labsIn(Path dir, LabCatalog catalog, Path work) {
        if (!Files.isDirectory(dir)) {
            throw new GradingException("No submission folder at " + dir + ".");
        }
        Path here = dir;
        for (int depth = 0; depth < 3; depth++) {
            if (Files.isDirectory(here.resolve("labs")) || holdsLabs(here)) {
                return here;
            }
            List<Path> children = list(here)
                    .filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith(".")
                            && !p.getFileName().toString().startsWith("__"))
                    .toList();
            if (children.size() != 1
                    || !list(here)
                            .filter(Files::isRegularFile)
                            .filter(PlatformGrading::isJava)
                            .toList()
                            .isEmpty()) {
                break;
            }
            here = children.get(0);
        }
        List<Path> loose;
        try (Stream<Path> files = Files.walk(dir)) {
            loose = files.filter(Files::isRegularFile)
                    .filter(PlatformGrading::isJava)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path labs = work.resolve("submission-labs");
        ScratchFolders.delete(labs);
        List<String> unavailable = new PristineLabs(catalog.root()).writeTo(labs);
        if (!unavailable.isEmpty()) {
            throw new GradingException("The untouched skeletons are not available here: " + unavailable.get(0));
        }
        for (Path file : loose) {
            String text = read(file);
            Matcher m = PACKAGE.matcher(text);
            if (!m.find()) {
                continue; // not a lab's file: the student's own notes or tests
            }
            Optional<LabCatalog.Lab> lab = catalog.lab(m.group(1));
            if (lab.isEmpty()) {
                continue;
            }
            String pkg = "streamlab/lab" + m.group(1)
                    + (m.group(2) == null ? "" : m.group(2).replace('.', '/'));
            Path dest = labs.resolve(lab.get().dirName())
                    .resolve("src/main/java")
                    .resolve(pkg)
                    .resolve(file.getFileName().toString());
            try {
                Files.createDirectories(dest.getParent());
                Files.writeString(dest, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return labs;
    }

    private static boolean holdsLabs(Path dir) {
        return list(dir)
                .anyMatch(p -> Files.isDirectory(p)
                        && LAB_DIR.matcher(p.getFileName().toString()).matches());
    }

    private static boolean isJava(Path p) {
        return p.getFileName().toString().endsWith(".java");
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
