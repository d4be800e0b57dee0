package streamlab.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of one graded test for one submission.
 *
 * @param lab      two digits, "01"
 * @param api      "dstream", "structured", or "both" (a test that compares the two APIs)
 * @param test     the test method's name (its snake_case sentence)
 * @param status   see {@link Status}
 * @param message  why it failed, as the test reported it (empty when it passed)
 * @param seconds  how long it ran
 */
public record TestResult(String lab, String api, String test, Status status, String message, double seconds) {

    /** What became of a test. */
    public enum Status {
        PASSED("passed"),
        FAILED("failed"),
        NOT_IMPLEMENTED("not implemented"),
        DOES_NOT_COMPILE("does not compile"),
        MISSING("missing"),
        NOT_RUN("not run");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The key of this test in points.properties: {@code lab01.dstream.counts_words}. */
    public String key() {
        return "lab" + lab + "." + api + "." + test;
    }

    /** The outcomes in a results file of a grading JVM, one JSON object a line (none when it has no file). */
    static List<TestResult> readAll(Path results) {
        List<TestResult> outcomes = new ArrayList<>();
        if (!Files.exists(results)) {
            return outcomes;
        }
        ObjectMapper json = new ObjectMapper();
        try {
            for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    outcomes.add(json.readValue(line, TestResult.class));
                }
            }
        } catch (IOException e) {
            throw new GradingException("Cannot read the results in " + results + ": " + e.getMessage(), e);
        }
        return outcomes;
    }
}
