package streamlab.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The texts the grading platforms show a student, shared by their result formats. */
final class PlatformText {

    /** A test's report is cut here: the platforms limit a result file (PrairieLearn to 1 MB). */
    static final int MAX_OUTPUT = 4_000;

    private PlatformText() {}

    /** {@code lab 01 dstream: counts words}. */
    static String name(TestResult o) {
        return "lab " + o.lab() + " " + o.api() + ": " + SelfCheck.name(o);
    }

    /** What {@code ./check} prints for the test: its status, and for what failed the input, expected and actual. */
    static String output(TestResult o) {
        String report = SelfCheck.report(o).strip();
        if (report.length() > MAX_OUTPUT) {
            report = report.substring(0, MAX_OUTPUT) + "\n... (cut; run ./check " + o.lab() + " for the whole report)";
        }
        return report;
    }

    /** One line for the whole submission. */
    static String summary(Scoreboard board) {
        long passed = board.outcomes().stream()
                .filter(o -> o.status() == TestResult.Status.PASSED)
                .count();
        return String.format(
                Locale.ROOT,
                "%s / %s points: %d of %d tests passed. Graded in %.0f s.",
                Scoreboard.num(board.points()),
                Scoreboard.num(board.max()),
                passed,
                board.outcomes().size(),
                board.seconds());
    }

    /** The grid of labs and APIs, as the grader prints it, for the platforms' general output. */
    static String fullReport(Scoreboard board) {
        return board.render(true);
    }

    static void writeJson(ObjectMapper json, ObjectNode results, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
