package streamlab.lab12;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.opentest4j.AssertionFailedError;
import streamlab.harness.Rows;

/**
 * A check of a table that is not a stream's output (what a state reader returns, what a static read
 * of a file sink's folder holds): its rows, as a multiset, with the input, the expected rows and the
 * actual ones side by side when they differ.
 */
final class Expect {

    private Expect() {}

    /** The rows of {@code actual} must be exactly {@code expected}, in any order. */
    static void rows(String title, List<String> input, List<List<Object>> expected, Dataset<Row> actual) {
        List<List<Object>> got = new ArrayList<>();
        for (Row r : actual.collectAsList()) {
            got.add(Rows.asRow(r));
        }
        rows(title, input, expected, got);
    }

    static void rows(String title, List<String> input, List<List<Object>> expected, List<List<Object>> got) {
        List<List<Object>> missing = minus(expected, got);
        List<List<Object>> unexpected = minus(got, expected);
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder(title).append('\n');
        for (String step : input) {
            report.append(String.format("      %-10s %s%n", "input", step));
        }
        report.append(String.format("      %-10s %s%n", "expected", Rows.renderAll(expected)));
        report.append(String.format("      %-10s %s%n", "actual", Rows.renderAll(got)));
        if (!missing.isEmpty()) {
            report.append(String.format("      %-10s %s%n", "missing", Rows.renderAll(missing)));
        }
        if (!unexpected.isEmpty()) {
            report.append(String.format("      %-10s %s%n", "unexpected", Rows.renderAll(unexpected)));
        }
        throw new AssertionFailedError(report.toString(), Rows.renderAll(expected), Rows.renderAll(got));
    }

    /** The rows of {@code a} that {@code b} does not have (as multisets). */
    static List<List<Object>> minus(List<List<Object>> a, List<List<Object>> b) {
        List<List<Object>> rest = new ArrayList<>(b);
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : a) {
            if (!rest.remove(row)) {
                out.add(row);
            }
        }
        return out;
    }
}
