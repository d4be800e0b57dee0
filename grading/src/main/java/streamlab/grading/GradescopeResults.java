package streamlab.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * Gradescope's {@code results.json} (its autograder specification): {@code score}, {@code execution_time},
 * {@code output}, and per test {@code name}, {@code score}, {@code max_score}, {@code status} (passed or
 * failed), {@code output} (the report {@code ./check} prints for it) and {@code visibility}.
 */
final class GradescopeResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GradescopeResults() {}

    static ObjectNode of(Scoreboard board, Visibility visibility) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", board.points());
        root.put("execution_time", Math.round(board.seconds()));
        root.put("output", PlatformText.summary(board));
        root.put("stdout_visibility", "hidden");
        ArrayNode tests = root.putArray("tests");
        for (TestResult o : board.outcomes()) {
            ObjectNode test = tests.addObject();
            test.put("name", PlatformText.name(o));
            test.put("score", board.scoreOf(o));
            test.put("max_score", board.maxOf(o));
            test.put("status", o.status() == TestResult.Status.PASSED ? "passed" : "failed");
            test.put("output", PlatformText.output(o));
            test.put("visibility", visibility.of(o));
        }
        return root;
    }

    /** The whole submission could not be graded: no score, and why, for the student and the instructor. */
    static ObjectNode failure(String why) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", 0.0);
        root.put("output", why);
        root.putArray("tests");
        return root;
    }

    static void write(ObjectNode results, Path file) {
        PlatformText.writeJson(JSON, results, file);
    }
}
