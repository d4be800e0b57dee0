package streamlab.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Locale;

/**
 * GitHub Classroom's runner result, as its autograding actions hand it to
 * {@code classroom-resources/autograding-grading-reporter}: a JSON object ({@code version} 1,
 * {@code status} pass, fail or error, {@code max_score}, and per test {@code name}, {@code status},
 * {@code score}, {@code message}, {@code test_code}, {@code filename}, {@code line_no}, {@code duration}),
 * base64-encoded in a step output named {@code result}. The reporter adds up the tests' {@code score}s
 * against {@code max_score}: every test earns its own points (partial credit).
 */
final class ClassroomResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassroomResults() {}

    static ObjectNode of(Scoreboard board) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        boolean allPassed = board.outcomes().stream().allMatch(o -> o.status() == TestResult.Status.PASSED);
        root.put("status", allPassed ? "pass" : "fail");
        root.put("max_score", board.max());
        ArrayNode tests = root.putArray("tests");
        for (TestResult o : board.outcomes()) {
            ObjectNode test = tests.addObject();
            test.put("name", PlatformText.name(o));
            test.put("status", o.status() == TestResult.Status.PASSED ? "pass" : "fail");
            test.put("score", board.scoreOf(o));
            test.put("message", PlatformText.output(o));
            test.put("test_code", "./check " + o.lab() + (o.api().equals("both") ? "" : " " + o.api()));
            test.put("filename", "");
            test.put("line_no", 0);
            test.put("duration", Math.round(o.seconds() * 1000));
        }
        return root;
    }

    /** The grader itself failed: an error the reporter shows, with no points. */
    static ObjectNode failure(String why) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("status", "error");
        root.put("max_score", 0);
        ArrayNode tests = root.putArray("tests");
        ObjectNode test = tests.addObject();
        test.put("name", "grading");
        test.put("status", "error");
        test.put("score", 0);
        test.put("message", why);
        test.put("test_code", "");
        test.put("filename", "");
        test.put("line_no", 0);
        test.put("duration", 0);
        return root;
    }

    /** The base64 of the JSON, as the reporter reads it from {@code <RUNNER>_RESULTS}. */
    static String encoded(ObjectNode results) {
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends {@code name=<base64>} to a GitHub Actions output file ({@code $GITHUB_OUTPUT}); when there is
     * none, writes the JSON itself to {@code json} for a person to read.
     */
    static void write(ObjectNode results, String name, Path githubOutput, Path json) {
        PlatformText.writeJson(JSON, results, json);
        if (githubOutput != null) {
            try {
                Files.writeString(
                        githubOutput,
                        name.toLowerCase(Locale.ROOT) + "=" + encoded(results) + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
