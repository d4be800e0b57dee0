package streamlab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** One row per student, one column per lab and API: class-results.md and class-results.csv. */
final class ClassTable {

    private final List<Scoreboard> rows;
    private final List<String> columns;

    ClassTable(List<Scoreboard> rows) {
        this.rows = rows;
        TreeSet<String> cols = new TreeSet<>();
        for (Scoreboard s : rows) {
            for (Scoreboard.Cell c : s.cells().values()) {
                cols.add("lab" + c.lab + " " + c.api);
            }
        }
        this.columns = new ArrayList<>(cols);
    }

    private static String cell(Scoreboard s, String column) {
        for (Scoreboard.Cell c : s.cells().values()) {
            if (column.equals("lab" + c.lab + " " + c.api)) {
                return Scoreboard.num(c.points) + "/" + Scoreboard.num(c.max);
            }
        }
        return "-";
    }

    private static String verdicts(Scoreboard s) {
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, Map<String, Scoreboard.Cell>> lab : s.byLab().entrySet()) {
            for (Scoreboard.Cell c : lab.getValue().values()) {
                String v = c.verdict();
                if (!v.equals("passed")) {
                    notes.add("lab" + c.lab + " " + c.api + ": " + v);
                }
            }
        }
        return notes.isEmpty() ? "all passed" : String.join("; ", notes);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("| student | points | % |");
        columns.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append(" seconds | notes |\n|---|---|---|");
        columns.forEach(c -> md.append("---|"));
        md.append("---|---|\n");
        for (Scoreboard s : rows) {
            md.append("| ")
                    .append(s.student())
                    .append(" | ")
                    .append(Scoreboard.num(s.points()))
                    .append('/')
                    .append(Scoreboard.num(s.max()))
                    .append(" | ")
                    .append(s.percent())
                    .append(" |");
            columns.forEach(c -> md.append(' ').append(cell(s, c)).append(" |"));
            md.append(String.format(
                    Locale.ROOT, " %.0f | %s |%n", s.seconds(), verdicts(s).replace("|", "\\|")));
        }
        return md.toString();
    }

    void write(Path outDir) {
        try {
            Files.createDirectories(outDir);
            Files.writeString(
                    outDir.resolve("class-results.md"), "# Class results\n\n" + markdown(), StandardCharsets.UTF_8);
            List<String> header = new ArrayList<>(List.of("student", "points", "max", "percent"));
            header.addAll(columns);
            header.addAll(List.of("seconds", "notes"));
            try (Writer w = Files.newBufferedWriter(outDir.resolve("class-results.csv"), StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(
                            w,
                            CSVFormat.DEFAULT
                                    .builder()
                                    .setHeader(header.toArray(String[]::new))
                                    .build())) {
                for (Scoreboard s : rows) {
                    List<Object> record = new ArrayList<>(
                            List.of(s.student(), Scoreboard.num(s.points()), Scoreboard.num(s.max()), s.percent()));
                    columns.forEach(c -> record.add(cell(s, c)));
                    record.add(String.format(Locale.ROOT, "%.0f", s.seconds()));
                    record.add(verdicts(s));
                    csv.printRecord(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
