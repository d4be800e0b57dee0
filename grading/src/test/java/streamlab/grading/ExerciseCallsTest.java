package streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseCallsTest {

    @Test
    void a_test_reaches_the_exercises_it_names_and_those_its_helpers_and_the_exercises_themselves_name(
            @TempDir Path dir) throws IOException {
        Path tests = Files.createDirectories(dir.resolve("tests"));
        Files.writeString(tests.resolve("SomeTest.java"), """
                class SomeTest {
                    static final java.util.function.Function<String, String> SHARED = Exercises::everywhere;
                    @org.junit.jupiter.api.BeforeEach void before() { Exercises.beforeEach(); }
                    @Test void direct() { run(Exercises::counts); }
                    @Test void through_a_helper() { helper(); }
                    @Test void in_an_anonymous_class() {
                        run(new java.util.function.Function<String, String>() {
                            public String apply(String s) { return Exercises.anonymous(s); }
                        });
                    }
                    private void helper() { Exercises.viaHelper("x"); }
                }
                """);
        Path solution = Files.createDirectories(dir.resolve("solution"));
        Files.writeString(solution.resolve("Exercises.java"), """
                class Exercises {
                    static String counts(String s) { return words(s); }
                    static String words(String s) { return s; }
                    static String unrelated(String s) { return s; }
                }
                """);

        ExerciseCalls calls = ExerciseCalls.in(List.of(tests, solution));

        assertThat(calls.reachable("direct"))
                .contains("counts", "words", "everywhere", "beforeEach")
                .doesNotContain("unrelated", "viaHelper", "anonymous");
        assertThat(calls.reachable("through_a_helper")).contains("viaHelper").doesNotContain("counts");
        assertThat(calls.reachable("in_an_anonymous_class")).contains("anonymous");
    }

    @Test
    void wrong_answers_share_a_submission_only_when_no_named_test_reaches_the_others_exercise() {
        LabCatalog catalog = LabCatalog.find(Path.of(""));
        List<WrongAnswer> all = WrongAnswer.all();
        List<List<WrongAnswer>> packs = WrongAnswer.packed(all, catalog);
        System.out.printf("%d wrong answers in %d submissions%n", all.size(), packs.size());
        assertThat(packs.stream().mapToInt(List::size).sum()).isEqualTo(all.size());
        for (List<WrongAnswer> pack : packs) {
            for (WrongAnswer a : pack) {
                for (WrongAnswer b : pack) {
                    if (a != b && a.file().equals(b.file()) && a.lab().equals(b.lab())) {
                        assertThat(a.with())
                                .as("%s's patch makes the text that %s must find once", a.name(), b.name())
                                .doesNotContain(b.replace());
                    }
                }
            }
        }
    }
}
