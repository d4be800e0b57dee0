package streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import streamlab.support.Api;

/**
 * Proof that the grader grades: the reference solutions score everything, the untouched skeletons
 * score nothing (every test "not implemented", so no test passes on an empty answer and nothing falls
 * back to a solution), a sample class of three students gets the right table, and every kept wrong
 * answer is caught by at least one test.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class GraderProofTest {

    private static final SubmissionGrader.ProgressListener QUIET = new SubmissionGrader.ProgressListener() {
        @Override
        public void lab(Submission s, LabCatalog.Lab lab, String state) {}

        @Override
        public void note(Submission s, String text) {}
    };

    @TempDir
    static Path work;

    /** How many wrong-answer submissions are graded at once. */
    private static final int SIDE_BY_SIDE = 2;

    private static LabCatalog catalog;
    private static Points points;

    @BeforeAll
    static void findRepository() {
        catalog = LabCatalog.find(Path.of(""));
        points = Points.load(catalog.root().resolve("grading/points.properties"));
    }

    private static SubmissionGrader grader(int testTimeoutSeconds) {
        return new SubmissionGrader(
                catalog, work.resolve("out"), Duration.ofSeconds(testTimeoutSeconds), Duration.ofMinutes(15));
    }

    private static Map<TestResult.Status, Long> statuses(List<TestResult> outcomes, Predicate<TestResult> which) {
        return outcomes.stream()
                .filter(which)
                .collect(Collectors.groupingBy(TestResult::status, Collectors.counting()));
    }

    private static Predicate<TestResult> in(String lab, String api) {
        return o -> o.lab().equals(lab) && (api == null || o.api().equals(api));
    }

    @Test
    void untouched_labs_score_zero_and_every_test_is_not_implemented() {
        // the skeletons students start from, as recorded: not this working copy's labs/, which may be solved
        Path pristine = work.resolve("pristine-labs");
        List<String> unavailable = new PristineLabs(catalog.root()).writeTo(pristine);
        assumeTrue(unavailable.isEmpty(), "git cannot give these untouched skeletons (no git here?): " + unavailable);
        SubmissionGrader.Graded graded = grader(60).grade(Submission.at(pristine), catalog.labs(), Api.BOTH, QUIET);

        assertThat(graded.outcomes()).isNotEmpty();
        assertThat(graded.outcomes())
                .allSatisfy(o -> assertThat(o.status())
                        .as(o.key() + ": " + o.message())
                        .isEqualTo(TestResult.Status.NOT_IMPLEMENTED));
        assertThat(new Scoreboard(graded, points).points()).isZero();
    }

    @Test
    void the_record_of_untouched_skeletons_matches_labs() {
        List<String> differences = new PristineLabs(catalog.root()).differences();
        String report = "labs/ differs from " + PristineLabs.FILE + ":\n  " + String.join("\n  ", differences)
                + "\nA maintainer who changed a skeleton runs grading/update-skeletons and commits the file with it.";
        if ("strict".equals(System.getenv("STREAMLAB_PRISTINE_CHECK"))) {
            assertThat(differences).as(report).isEmpty();
        } else {
            // a student's working copy: their own work in labs/ is fine, the proof above uses the record
            assumeTrue(differences.isEmpty(), report);
        }
    }

    @Test
    void a_sample_class_of_three_gets_the_right_table() throws IOException {
        Path sample = work.resolve("sample-class");
        SampleClass.write(catalog, sample);
        List<LabCatalog.Lab> labs = catalog.labs();

        SubmissionGrader.Graded alice =
                grader(120).grade(Submission.at(sample.resolve("alice-complete")), labs, Api.BOTH, QUIET);
        // bob and carol differ from untouched skeletons in labs 01 and 02 only: grading those and one lab
        // after them shows all there is to see (every lab untouched is the proof above)
        List<LabCatalog.Lab> early = catalog.select(List.of("01", "02", "03"));
        // the two side by side, one JVM each
        CompletableFuture<SubmissionGrader.Graded> bobGraded = CompletableFuture.supplyAsync(() -> new SubmissionGrader(
                        catalog, work.resolve("out-bob"), Duration.ofSeconds(120), Duration.ofMinutes(15), 1)
                .grade(Submission.at(sample.resolve("bob-partial")), early, Api.BOTH, QUIET));
        SubmissionGrader.Graded carol = new SubmissionGrader(
                        catalog, work.resolve("out-carol"), Duration.ofSeconds(15), Duration.ofMinutes(15), 1)
                .grade(Submission.at(sample.resolve("carol-broken")), early, Api.BOTH, QUIET);
        SubmissionGrader.Graded bob = bobGraded.join();
        System.out.printf(
                "one complete submission (every lab, both APIs) took %d s%n",
                alice.took().toSeconds());

        // her labs were shared between two grading JVMs: the JUnit XML holds the tests of every lab
        String xml;
        try (Stream<Path> reports = Files.list(alice.reportDir().resolve("junit"))) {
            StringBuilder all = new StringBuilder();
            for (Path report : reports.toList()) {
                all.append(Files.readString(report));
            }
            xml = all.toString();
        }
        assertThat(labs)
                .allSatisfy(lab -> assertThat(xml)
                        .as("JUnit XML of lab " + lab.number())
                        .contains("classname=\"streamlab.lab" + lab.number() + "."));

        // alice is the reference solutions: every test passes
        assertThat(alice.outcomes())
                .allSatisfy(o ->
                        assertThat(o.status()).as(o.key() + ": " + o.message()).isEqualTo(TestResult.Status.PASSED));

        // bob: lab 01 done, the DStream half of lab 02 done, nothing else
        assertThat(statuses(bob.outcomes(), in("01", null))).containsOnlyKeys(TestResult.Status.PASSED);
        if (catalog.lab("02").isPresent()) {
            assertThat(statuses(bob.outcomes(), in("02", "dstream"))).containsOnlyKeys(TestResult.Status.PASSED);
            assertThat(statuses(bob.outcomes(), in("02", "structured")))
                    .containsOnlyKeys(TestResult.Status.NOT_IMPLEMENTED);
        }
        assertThat(statuses(bob.outcomes(), o -> o.lab().compareTo("02") > 0))
                .containsOnlyKeys(TestResult.Status.NOT_IMPLEMENTED);

        // carol: a hang (one test over its time limit, the others still run), an exception, and a
        // lab that does not compile, each reported as such, and the grader goes on
        List<TestResult> carolDStream =
                carol.outcomes().stream().filter(in("01", "dstream")).toList();
        assertThat(carolDStream).anySatisfy(o -> assertThat(o.message()).contains("time limit"));
        assertThat(carolDStream).anySatisfy(o -> assertThat(o.status()).isEqualTo(TestResult.Status.PASSED));
        assertThat(carol.outcomes().stream().filter(in("01", "structured"))).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(TestResult.Status.FAILED);
            assertThat(o.message()).contains("I have no idea what I am doing");
        });
        if (catalog.lab("02").isPresent()) {
            assertThat(statuses(carol.outcomes(), in("02", null))).containsOnlyKeys(TestResult.Status.DOES_NOT_COMPILE);
        }
        assertThat(Files.readString(carol.reportDir().resolve("run.log"))).contains("@@@@ debugging @@@@");

        // the class table: one row per student, alice on top marks, the others below
        ClassTable table = new ClassTable(
                List.of(new Scoreboard(alice, points), new Scoreboard(bob, points), new Scoreboard(carol, points)));
        table.write(work.resolve("out"));
        List<String> rows = Files.readAllLines(work.resolve("out/class-results.csv"));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).startsWith("alice-complete,").contains(",100%,");
        assertThat(rows.get(2)).startsWith("bob-partial,").doesNotContain(",100%,");
        assertThat(rows.get(3)).startsWith("carol-broken,").contains("does not compile");
        assertThat(table.markdown()).contains("| alice-complete |", "| bob-partial |", "| carol-broken |");
    }

    /**
     * The wrong answers go into as few submissions as can hold them, and two submissions are graded at a
     * time, one grading JVM each (while one compiles, the other runs its tests).
     */
    @TestFactory
    Stream<DynamicTest> every_kept_wrong_answer_is_caught_by_the_tests_it_names() {
        List<List<WrongAnswer>> submissions = WrongAnswer.packed(WrongAnswer.all(), catalog);
        BlockingQueue<SubmissionGrader> graders = new LinkedBlockingQueue<>();
        for (int g = 1; g <= SIDE_BY_SIDE; g++) {
            SubmissionGrader grader = new SubmissionGrader(
                    catalog, work.resolve("out-wrong-" + g), Duration.ofSeconds(120), Duration.ofMinutes(15), 1);
            catalog.labs().forEach(lab -> grader.index().of(lab, Api.BOTH)); // the index, made once, before both use it
            graders.add(grader);
        }
        ExecutorService pool = Executors.newFixedThreadPool(SIDE_BY_SIDE);
        List<Future<SubmissionGrader.Graded>> graded = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            List<WrongAnswer> wrongs = submissions.get(i);
            Path dir = work.resolve("wrong-answers-" + i);
            graded.add(pool.submit(() -> {
                SubmissionGrader grader = graders.take();
                try {
                    Path submission = WrongAnswer.writeSubmission(wrongs, catalog, dir);
                    List<String> labs =
                            wrongs.stream().map(WrongAnswer::lab).distinct().toList();
                    Set<String> named =
                            wrongs.stream().flatMap(w -> w.testKeys().stream()).collect(Collectors.toSet());
                    return grader.grade(Submission.at(submission), catalog.select(labs), Api.BOTH, named, QUIET);
                } finally {
                    graders.add(grader);
                }
            }));
        }
        pool.shutdown();
        return Stream.iterate(0, i -> i < submissions.size(), i -> i + 1).map(i -> {
            List<WrongAnswer> wrongs = submissions.get(i);
            String names = wrongs.stream().map(WrongAnswer::name).collect(Collectors.joining(", "));
            return DynamicTest.dynamicTest(names, () -> {
                Map<String, TestResult> byKey = graded.get(i).get().outcomes().stream()
                        .collect(Collectors.toMap(TestResult::key, o -> o, (a, b) -> a));
                for (WrongAnswer wrong : wrongs) {
                    assertThat(wrong.caughtBy())
                            .as("%s names the tests that catch it (caught_by)", wrong.name())
                            .isNotEmpty();
                    for (String key : wrong.testKeys()) {
                        assertThat(byKey)
                                .as("%s names %s, which is not a graded test", wrong.name(), key)
                                .containsKey(key);
                        assertThat(byKey.get(key).status())
                                .as(
                                        "the wrong answer '%s' (%s) must fail %s: %s",
                                        wrong.name(),
                                        wrong.why(),
                                        key,
                                        byKey.get(key).message())
                                .isEqualTo(TestResult.Status.FAILED);
                        // caught at once, with the test's own report: never by waiting for the time limit
                        assertThat(byKey.get(key).message())
                                .as(
                                        "the wrong answer '%s' must fail %s at once, not by its time limit",
                                        wrong.name(), key)
                                .doesNotContain("time limit exceeded");
                    }
                }
            });
        });
    }

    @Test
    void every_graded_exercise_has_a_kept_wrong_answer() throws IOException {
        // an exercise: a public static method of a solution's exercise class
        Pattern exercise = Pattern.compile("public static [^=;(]+? (\\w+)\\(");
        List<WrongAnswer> wrongs = WrongAnswer.all();
        List<String> without = new java.util.ArrayList<>();
        for (LabCatalog.Lab lab : catalog.labs()) {
            Path solution =
                    catalog.root().resolve("solutions").resolve(lab.dirName()).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(solution)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                        .sorted()
                        .toList()) {
                    String file = solution.relativize(f).toString().replace('\\', '/');
                    Matcher m = exercise.matcher(Files.readString(f));
                    while (m.find()) {
                        String method = m.group(1);
                        if (wrongs.stream()
                                .noneMatch(w -> w.lab().equals(lab.number())
                                        && w.file().equals(file)
                                        && w.exercise().equals(method))) {
                            without.add("lab " + lab.number() + " " + file + " " + method);
                        }
                    }
                }
            }
        }
        assertThat(without)
                .as("graded exercises without a kept wrong answer (" + WrongAnswer.DIR + ")")
                .isEmpty();
    }
}
