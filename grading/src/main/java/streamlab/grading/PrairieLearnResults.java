package streamlab.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * PrairieLearn's external grading {@code results.json}: {@code gradable}, {@code score} from 0 to 1,
 * {@code message}, {@code output}, and per test {@code name}, {@code points}, {@code max_points},
 * {@code message} and {@code output} (the report {@code ./check} prints for it).
 */
final class PrairieLearnResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrairieLearnResults() {}

    static ObjectNode of(Scoreboard board) {
        ObjectNode root = JSON.createObjectNode();
        root.put("gradable", true);
        root.put("score", board.max() == 0 ? 0.0 : board.points() / board.max());
        root.put("message", PlatformText.summary(board));
        root.put("output", PlatformText.fullReport(board));
        ArrayNode tests = root.putArray("tests");
        for (TestResult o : board.outcomes()) {
            ObjectNode test = tests.addObject();
            test.put("name", PlatformText.name(o));
            test.put("points", board.scoreOf(o));
            test.put("max_points", board.maxOf(o));
            test.put("message", o.status().label());
            test.put("output", PlatformText.output(o));
        }
        return root;
    }

    /** The grader itself failed (not the student's code): score 0 and why. */
    static ObjectNode failure(String why) {
        ObjectNode root = JSON.createObjectNode();
        root.put("gradable", true);
        root.put("score", 0.0);
        root.put("message", why);
        root.putArray("tests");
        return root;
    }

    static void write(ObjectNode results, Path file) {
        PlatformText.writeJson(JSON, results, file);
    }
}
