package streamlab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A scoreboard's files in the submission's report folder: scoreboard.md for the student, results.csv. */
final class ScoreboardFiles {

    private ScoreboardFiles() {}

    static void write(Scoreboard board, Path dir) {
        try {
            Files.createDirectories(dir);
            StringBuilder md = new StringBuilder();
            md.append("# ")
                    .append(board.student())
                    .append(": ")
                    .append(Scoreboard.num(board.points()))
                    .append(" / ")
                    .append(Scoreboard.num(board.max()))
                    .append(" points (")
                    .append(board.percent())
                    .append(")\n\n");
            md.append("| lab | dstream | structured | both (the APIs compared) |\n|---|---|---|---|\n");
            for (Map.Entry<String, Map<String, Scoreboard.Cell>> lab :
                    board.byLab().entrySet()) {
                md.append("| ")
                        .append(lab.getKey())
                        .append(" | ")
                        .append(Scoreboard.cellText(lab.getValue().get("dstream")))
                        .append(" | ")
                        .append(Scoreboard.cellText(lab.getValue().get("structured")))
                        .append(" | ")
                        .append(Scoreboard.cellText(lab.getValue().get("both")))
                        .append(" |\n");
            }
            md.append("\n## Tests that did not pass\n");
            for (Scoreboard.Cell cell : board.cells().values()) {
                for (TestResult o : cell.outcomes) {
                    if (o.status() != TestResult.Status.PASSED) {
                        md.append("\n### lab ")
                                .append(o.lab())
                                .append(' ')
                                .append(o.api())
                                .append(": ")
                                .append(o.test())
                                .append(" (")
                                .append(o.status().label())
                                .append(")\n\n```\n")
                                .append(o.message() == null ? "" : o.message().strip())
                                .append("\n```\n");
                    }
                }
            }
            md.append("\nGraded in ")
                    .append(String.format(Locale.ROOT, "%.0f", board.seconds()))
                    .append(" s. JUnit XML reports: junit/. The graded program's own output: run.log.\n");
            Files.writeString(dir.resolve("scoreboard.md"), md.toString(), StandardCharsets.UTF_8);

            try (Writer w = Files.newBufferedWriter(dir.resolve("results.csv"), StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(
                            w,
                            CSVFormat.DEFAULT
                                    .builder()
                                    .setHeader("lab", "api", "test", "status", "points", "max", "seconds", "reason")
                                    .build())) {
                for (Scoreboard.Cell cell : board.cells().values()) {
                    for (TestResult o : cell.outcomes) {
                        csv.printRecord(
                                o.lab(),
                                o.api(),
                                o.test(),
                                o.status().label(),
                                Scoreboard.num(board.scoreOf(o)),
                                Scoreboard.num(board.maxOf(o)),
                                String.format(Locale.ROOT, "%.2f", o.seconds()),
                                Scoreboard.firstLine(o.message()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
