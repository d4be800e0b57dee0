package streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grading platforms' result files, made as the platforms ask for them without the platforms: the
 * commands they run are given folders laid out as Gradescope ({@code submission/}, {@code results/},
 * {@code source/}) and PrairieLearn ({@code student/}, {@code tests/}, {@code results/}) lay them out, with a
 * submission of lab 01 whose DStream side is solved and whose Structured side is the untouched skeleton (so
 * both passed and not implemented appear), and one that does not compile.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PlatformResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LabCatalog CATALOG = LabCatalog.find(Path.of(""));
    private static final String LAB01 = "lab01-network-word-count/src/main/java/streamlab/lab01/";

    @TempDir
    static Path work;

    private static JsonNode gradescope;

    /**
     * Half solved: the reference DStream answer, the untouched Structured skeleton as recorded (the working
     * copy's labs/ may hold a student's answers).
     */
    static void writeHalfSolved(Path labs) throws IOException {
        Path pristine = Files.createTempDirectory(work, "pristine-");
        assertThat(new PristineLabs(CATALOG.root()).writeTo(pristine))
                .as("skeletons git could not give")
                .isEmpty();
        copy(
                CATALOG.root().resolve("solutions/" + LAB01 + "WordCountDStream.java"),
                labs.resolve(LAB01 + "WordCountDStream.java"));
        copy(pristine.resolve(LAB01 + "WordCountStructured.java"), labs.resolve(LAB01 + "WordCountStructured.java"));
    }

    static void writeBroken(Path labs) throws IOException {
        writeHalfSolved(labs);
        Path file = labs.resolve(LAB01 + "WordCountDStream.java");
        Files.writeString(file, Files.readString(file).replaceFirst("return ", "retrun "));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String[] args(String command, String... more) {
        List<String> all = new ArrayList<>(List.of(
                command,
                "--labs",
                "01",
                "--test-timeout",
                "120",
                "--out",
                work.resolve("out-" + command).toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // the first grading of a classpath records its class-data archive
    static void gradeHalfSolvedAsGradescopeDoes() throws IOException {
        Path root = work.resolve("autograder");
        writeHalfSolved(root.resolve("submission"));
        Files.createDirectories(root.resolve("source"));
        assertThat(Grade.run(args("gradescope", "--root", root.toString()))).isZero();
        gradescope = JSON.readTree(root.resolve("results/results.json").toFile());
    }

    @Test
    void gradescope_results_hold_every_documented_field_with_points_per_test() {
        assertThat(gradescope.get("execution_time").isNumber()).isTrue();
        JsonNode tests = gradescope.get("tests");
        assertThat(tests.size()).isGreaterThan(4);
        double sum = 0;
        Set<String> statuses = new TreeSet<>();
        for (JsonNode test : tests) {
            assertThat(test.get("name").asText()).startsWith("lab 01 ");
            assertThat(test.get("max_score").asDouble()).isEqualTo(1.0);
            assertThat(test.get("status").asText()).isIn("passed", "failed");
            assertThat(test.get("visibility").asText()).isEqualTo("visible");
            statuses.add(test.get("status").asText());
            sum += test.get("score").asDouble();
            if (test.get("name").asText().startsWith("lab 01 dstream")) {
                assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("passed");
                assertThat(test.get("score").asDouble()).isEqualTo(1.0);
                assertThat(test.get("output").asText()).startsWith("ok ");
            } else {
                assertThat(test.get("status").asText()).isEqualTo("failed");
                assertThat(test.get("score").asDouble()).isZero();
                // the report ./check prints: "todo" and why
                assertThat(test.get("output").asText()).startsWith("todo ").contains("\n");
            }
        }
        assertThat(statuses).containsExactly("failed", "passed");
        assertThat(gradescope.get("score").asDouble()).isEqualTo(sum).isPositive();
    }

    @Test
    void a_submission_that_does_not_compile_still_gets_results_with_the_compiler_message() throws IOException {
        Path root = work.resolve("autograder-broken");
        writeBroken(root.resolve("submission"));
        assertThat(Grade.run(args("gradescope", "--root", root.toString()))).isZero();
        JsonNode results = JSON.readTree(root.resolve("results/results.json").toFile());
        assertThat(results.get("score").asDouble()).isZero();
        assertThat(results.get("tests")).isNotEmpty().allSatisfy(test -> {
            assertThat(test.get("status").asText()).isEqualTo("failed");
            assertThat(test.get("output").asText()).contains("does not compile").contains("WordCountDStream.java");
        });
    }

    @Test
    void a_submission_folder_that_is_missing_still_gets_results_saying_why() throws IOException {
        Path root = Files.createDirectories(work.resolve("autograder-empty"));
        assertThat(Grade.run(args("gradescope", "--root", root.toString()))).isZero();
        JsonNode results = JSON.readTree(root.resolve("results/results.json").toFile());
        assertThat(results.get("score").asDouble()).isZero();
        assertThat(results.get("output").asText()).contains("could not grade");
    }

    @Test
    void prairielearn_results_score_from_0_to_1_and_loose_files_go_to_their_lab() throws IOException {
        Path root = work.resolve("grade");
        // a file uploaded on its own: it goes to its package in lab 01, the rest of the lab is the skeleton
        Path student = Files.createDirectories(root.resolve("student"));
        writeBroken(work.resolve("broken-labs"));
        copy(work.resolve("broken-labs/" + LAB01 + "WordCountDStream.java"), student.resolve("WordCountDStream.java"));
        Files.createDirectories(root.resolve("tests"));
        assertThat(Grade.run(args("prairielearn", "--root", root.toString()))).isZero();
        JsonNode results = JSON.readTree(root.resolve("results/results.json").toFile());
        assertThat(results.get("gradable").asBoolean()).isTrue();
        assertThat(results.get("score").asDouble()).isBetween(0.0, 1.0).isZero();
        assertThat(results.get("tests")).isNotEmpty().allSatisfy(test -> {
            assertThat(test.get("name").asText()).startsWith("lab 01 ");
            assertThat(test.get("points").asDouble()).isZero();
            assertThat(test.get("max_points").asDouble()).isEqualTo(1.0);
            assertThat(test.get("output").asText()).contains("does not compile").contains("WordCountDStream.java");
        });
    }

    @Test
    void prairielearn_and_classroom_results_of_a_half_solved_lab_give_partial_credit() {
        Scoreboard board = halfSolvedBoard();
        JsonNode pl = PrairieLearnResults.of(board);
        assertThat(pl.get("score").asDouble()).isEqualTo(0.5);
        assertThat(pl.get("tests")).extracting(t -> t.get("points").asDouble()).containsExactly(2.0, 0.0);
        assertThat(pl.get("tests"))
                .extracting(t -> t.get("max_points").asDouble())
                .containsExactly(2.0, 2.0);

        JsonNode classroom = ClassroomResults.of(board);
        assertThat(classroom.get("version").asInt()).isEqualTo(1);
        assertThat(classroom.get("status").asText()).isEqualTo("fail");
        assertThat(classroom.get("max_score").asDouble()).isEqualTo(4.0);
        assertThat(classroom.get("tests"))
                .extracting(t -> t.get("status").asText())
                .containsExactly("pass", "fail");
        assertThat(classroom.get("tests"))
                .extracting(t -> t.get("score").asDouble())
                .containsExactly(2.0, 0.0);
        assertThat(classroom.get("tests").get(1).get("message").asText())
                .contains("expected (a, 2)")
                .contains("actual   (a, 1)");
        assertThat(classroom.get("tests").get(0).get("test_code").asText()).isEqualTo("./check 01 dstream");
    }

    @Test
    void classroom_results_go_to_the_step_output_in_base64_as_the_reporter_reads_them() throws IOException {
        Path output = work.resolve("github-output");
        Files.writeString(output, "before=1\n");
        ClassroomResults.write(
                ClassroomResults.of(halfSolvedBoard()), "lab01", output, work.resolve("classroom/lab01.json"));
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(2).first().isEqualTo("before=1");
        assertThat(lines.get(1)).startsWith("lab01=");
        JsonNode decoded = JSON.readTree(new String(
                Base64.getDecoder().decode(lines.get(1).substring("lab01=".length())), StandardCharsets.UTF_8));
        assertThat(decoded)
                .isEqualTo(JSON.readTree(work.resolve("classroom/lab01.json").toFile()));
        // the reporter's sum: the tests' scores against max_score
        double total = 0;
        for (JsonNode test : decoded.get("tests")) {
            total += test.get("score").asDouble();
        }
        assertThat(total).isEqualTo(2.0);
        assertThat(decoded.get("max_score").asDouble()).isEqualTo(4.0);
    }

    @Test
    void the_classroom_command_writes_a_result_for_each_lab_it_grades() throws IOException {
        Path submission = work.resolve("classroom-broken");
        writeBroken(submission.resolve("labs"));
        Path json = work.resolve("classroom-json");
        assertThat(Grade.run(args("classroom", "--submission", submission.toString(), "--json", json.toString())))
                .isZero();
        JsonNode lab01 = JSON.readTree(json.resolve("lab01.json").toFile());
        assertThat(lab01.get("status").asText()).isEqualTo("fail");
        assertThat(lab01.get("tests"))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("score").asDouble()).isZero());
    }

    @Test
    void visibility_comes_from_the_points_file_most_specific_first(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("points.properties");
        Files.writeString(
                file,
                "visibility.default = after_due_date\nvisibility.lab03 = hidden\n"
                        + "visibility.lab03.structured = after_published\nvisibility.lab03.structured.some_test = visible\n");
        Visibility v = Visibility.load(file);
        assertThat(v.of(outcome("03", "structured", "some_test"))).isEqualTo("visible");
        assertThat(v.of(outcome("03", "structured", "other"))).isEqualTo("after_published");
        assertThat(v.of(outcome("03", "dstream", "other"))).isEqualTo("hidden");
        assertThat(v.of(outcome("01", "dstream", "other"))).isEqualTo("after_due_date");
        assertThat(Visibility.load(dir.resolve("none")).of(outcome("01", "dstream", "x")))
                .isEqualTo("visible");
        // visibility keys name tests, labs and APIs as points keys do
        assertThat(Points.load(file).unknownKeys(Set.of("lab03", "lab03.structured", "lab03.structured.some_test")))
                .isEmpty();
    }

    @Test
    void the_gradescope_zip_holds_setup_and_run_autograder_at_its_root_and_no_reference_answers() throws IOException {
        Path zip = work.resolve("autograder.zip");
        assertThat(Grade.run("gradescope-zip", "--out", zip.toString())).isZero();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<String> names = z.stream().map(e -> e.getName()).toList();
            assertThat(names)
                    .contains(
                            "setup.sh",
                            "run_autograder",
                            "pom.xml",
                            "grade",
                            "mvnw",
                            "labs/" + LAB01 + "WordCountDStream.java",
                            "grading/points.properties");
            assertThat(names).noneMatch(n -> n.matches("solutions/[^/]+/src/main/.*"));
            assertThat(new String(z.getInputStream(z.getEntry("run_autograder")).readAllBytes()))
                    .contains("./grade gradescope --root");
        }
        // an assignment of some labs: run_autograder grades only those
        assertThat(GradescopeZip.runAutograder(
                        "#!/bin/bash\nset -uo pipefail\n./grade gradescope \"$@\"\n", List.of("--labs", "01,02")))
                .contains("set -uo pipefail\nset -- --labs 01,02 \"$@\"\n./grade");
    }

    @Test
    void the_machine_decides_how_many_grading_jvms_and_how_large() {
        assertThat(MachineSize.jvms(2, 24_000)).isEqualTo(2);
        assertThat(MachineSize.jvms(1, 24_000)).isEqualTo(1);
        assertThat(MachineSize.jvms(2, 768)).isEqualTo(1);
        assertThat(MachineSize.gradingHeap(24_000)).isEqualTo("2g");
        assertThat(MachineSize.gradingHeap(768)).isEqualTo("512m");
        // a class-data archive recorded where the image is built fits the smaller container that grades
        assertThat(ClassDataArchive.key(List.of("-Xmx2g", "-XX:+UseSerialGC"), "a.jar"))
                .isEqualTo(ClassDataArchive.key(List.of("-Xmx512m", "-XX:+UseSerialGC"), "a.jar"))
                .isNotEqualTo(ClassDataArchive.key(List.of("-Xmx512m", "-XX:+UseG1GC"), "a.jar"));
    }

    private static TestResult outcome(String lab, String api, String test) {
        return new TestResult(lab, api, test, TestResult.Status.PASSED, "", 0.1);
    }

    private static Scoreboard halfSolvedBoard() {
        List<TestResult> outcomes = List.of(
                new TestResult("01", "dstream", "counts_words", TestResult.Status.PASSED, "", 0.2),
                new TestResult(
                        "01",
                        "structured",
                        "counts_words",
                        TestResult.Status.FAILED,
                        "counts differ\ninput    a a\nexpected (a, 2)\nactual   (a, 1)",
                        0.5));
        Path points = work.resolve("two-points.properties");
        try {
            Files.writeString(points, "default = 2\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Scoreboard(
                new SubmissionGrader.Graded(new Submission("s", work), outcomes, Duration.ofSeconds(3), work),
                Points.load(points));
    }
}
