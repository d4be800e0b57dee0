package streamlab.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One submission's results by lab and API, with points: printed, and written as Markdown and CSV. */
final class Scoreboard {

    /** The results of one lab in one API. */
    static final class Cell {
        final String lab;
        final String api;
        final List<TestResult> outcomes = new ArrayList<>();
        double points;
        double max;

        Cell(String lab, String api) {
            this.lab = lab;
            this.api = api;
        }

        long count(TestResult.Status status) {
            return outcomes.stream().filter(o -> o.status() == status).count();
        }

        /** passed, not implemented, does not compile, missing, or "k/n passed". */
        String verdict() {
            int n = outcomes.size();
            if (count(TestResult.Status.PASSED) == n) {
                return "passed";
            }
            for (TestResult.Status whole : new TestResult.Status[] {
                TestResult.Status.DOES_NOT_COMPILE,
                TestResult.Status.MISSING,
                TestResult.Status.NOT_IMPLEMENTED,
                TestResult.Status.NOT_RUN
            }) {
                if (count(whole) == n) {
                    return whole.label();
                }
            }
            String text = count(TestResult.Status.PASSED) + "/" + n + " passed";
            long ni = count(TestResult.Status.NOT_IMPLEMENTED);
            return ni > 0 ? text + ", " + ni + " not implemented" : text;
        }
    }

    private final SubmissionGrader.Graded graded;
    private final Points pointsTable;
    private final Map<String, Cell> cells = new TreeMap<>();
    private final Map<String, Double> pointsOf = new TreeMap<>();
    private double points;
    private double max;

    Scoreboard(SubmissionGrader.Graded graded, Points pointsTable) {
        this.graded = graded;
        this.pointsTable = pointsTable;
        for (TestResult o : graded.outcomes()) {
            Cell cell = cells.computeIfAbsent(o.lab() + "/" + o.api(), k -> new Cell(o.lab(), o.api()));
            cell.outcomes.add(o);
            double p = pointsTable.of(o.lab(), o.api(), o.test());
            pointsOf.put(o.key(), p);
            cell.max += p;
            max += p;
            if (o.status() == TestResult.Status.PASSED) {
                cell.points += p;
                points += p;
            }
        }
    }

    String student() {
        return graded.submission().name();
    }

    double points() {
        return points;
    }

    double max() {
        return max;
    }

    Map<String, Cell> cells() {
        return cells;
    }

    double seconds() {
        return graded.took().toMillis() / 1000.0;
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    String percent() {
        return max == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * points / max);
    }

    /** The terminal view: a lab x API grid, then what failed and why (first line of each reason). */
    String render(boolean details) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%s: %s / %s points (%s), graded in %.0f s%n",
                student(),
                num(points),
                num(max),
                percent(),
                seconds()));
        sb.append("  median seconds per test that ran: ").append(medians()).append('\n');
        Map<String, Map<String, Cell>> byLab = byLab();
        sb.append(String.format(
                "  %-6s %-30s %-30s %-30s%n", "lab", "dstream", "structured", "both (the APIs compared)"));
        for (Map.Entry<String, Map<String, Cell>> lab : byLab.entrySet()) {
            sb.append(String.format(
                    "  %-6s %-30s %-30s %-30s%n",
                    lab.getKey(),
                    cellText(lab.getValue().get("dstream")),
                    cellText(lab.getValue().get("structured")),
                    cellText(lab.getValue().get("both"))));
        }
        if (details) {
            // the grid already says which parts are not implemented or missing: list the real failures
            for (Cell cell : cells.values()) {
                for (TestResult o : cell.outcomes) {
                    if (o.status() == TestResult.Status.FAILED
                            || o.status() == TestResult.Status.DOES_NOT_COMPILE
                            || o.status() == TestResult.Status.NOT_RUN) {
                        sb.append(String.format(
                                "  - lab %s %s %s: %s: %s%n",
                                o.lab(), o.api(), o.test(), o.status().label(), firstLine(o.message())));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The median time of a test that ran (passed or failed), per API: {@code dstream 0.2 s, ...}. */
    String medians() {
        List<String> parts = new ArrayList<>();
        for (String api : List.of("dstream", "structured", "both")) {
            List<Double> seconds = new ArrayList<>();
            for (Cell cell : cells.values()) {
                if (cell.api.equals(api)) {
                    for (TestResult o : cell.outcomes) {
                        if (o.status() == TestResult.Status.PASSED || o.status() == TestResult.Status.FAILED) {
                            seconds.add(o.seconds());
                        }
                    }
                }
            }
            if (!seconds.isEmpty()) {
                seconds.sort(null);
                int n = seconds.size();
                double median = n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2;
                parts.add(String.format(Locale.ROOT, "%s %.2f s (%d tests)", api, median, n));
            }
        }
        return parts.isEmpty() ? "none ran" : String.join(", ", parts);
    }

    static String cellText(Cell cell) {
        if (cell == null) {
            return "-";
        }
        return cell.verdict() + " (" + num(cell.points) + "/" + num(cell.max) + ")";
    }

    Map<String, Map<String, Cell>> byLab() {
        Map<String, Map<String, Cell>> byLab = new LinkedHashMap<>();
        for (Cell c : cells.values()) {
            byLab.computeIfAbsent(c.lab, k -> new LinkedHashMap<>()).put(c.api, c);
        }
        return byLab;
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        return message.strip()
                .lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .orElse("")
                .strip();
    }

    /** scoreboard.md and results.csv in the submission's report folder ({@link ScoreboardFiles}). */
    void write() {
        ScoreboardFiles.write(this, graded.reportDir());
    }

    /** The points a test is worth. */
    double maxOf(TestResult o) {
        return pointsOf.getOrDefault(o.key(), 1.0);
    }

    /** The points a test earned: all of them when it passed, none otherwise. */
    double scoreOf(TestResult o) {
        return o.status() == TestResult.Status.PASSED ? maxOf(o) : 0;
    }

    /** The part of this scoreboard that is one lab's. */
    Scoreboard ofLab(String lab) {
        List<TestResult> part =
                graded.outcomes().stream().filter(o -> o.lab().equals(lab)).toList();
        return new Scoreboard(
                new SubmissionGrader.Graded(graded.submission(), part, graded.took(), graded.reportDir()), pointsTable);
    }

    /** Every test's outcome, lab by lab and API by API. */
    List<TestResult> outcomes() {
        List<TestResult> all = new ArrayList<>();
        cells.values().forEach(cell -> all.addAll(cell.outcomes));
        return all;
    }
}
