package streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraderUnitTest {

    private final LabCatalog catalog = LabCatalog.find(Path.of(""));

    @Test
    void every_lab_has_graded_tests_for_both_apis() {
        assertThat(catalog.labs()).isNotEmpty();
        for (LabCatalog.Lab lab : catalog.labs()) {
            List<SuiteIndex.Entry> tests = SuiteIndex.of(lab, "all");
            assertThat(tests).as("lab " + lab.number()).extracting(SuiteIndex.Entry::api)
                    .contains("dstream", "structured");
        }
    }

    @Test
    void the_points_file_names_only_tests_that_exist() {
        Set<String> known = new HashSet<>();
        for (LabCatalog.Lab lab : catalog.labs()) {
            known.add("lab" + lab.number());
            for (SuiteIndex.Entry e : SuiteIndex.of(lab, "all")) {
                known.add(e.key());
                known.add("lab" + e.lab() + "." + e.api());
            }
        }
        assertThat(Points.load(catalog.root().resolve("grading/points.properties")).unknownKeys(known)).isEmpty();
    }

    @Test
    void the_most_specific_points_key_wins(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("points.properties");
        Files.writeString(file, "default = 1\nlab03 = 2\nlab03.structured = 3\nlab03.structured.some_test = 5\n");
        Points p = Points.load(file);
        assertThat(p.of("03", "structured", "some_test")).isEqualTo(5);
        assertThat(p.of("03", "structured", "other")).isEqualTo(3);
        assertThat(p.of("03", "dstream", "other")).isEqualTo(2);
        assertThat(p.of("01", "dstream", "other")).isEqualTo(1);
    }

    @Test
    void a_points_value_that_is_not_a_number_is_one_clear_sentence(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("points.properties");
        Files.writeString(file, "default = lots\n");
        assertThatThrownBy(() -> Points.load(file).of("01", "dstream", "x"))
                .isInstanceOf(GradingException.class).hasMessageContaining("'default = lots' is not a number");
    }

    @Test
    void the_graded_classpath_never_holds_labs_or_solutions() {
        assertThat(SubmissionGrader.gradingClasspath()).doesNotContain("/solutions/", "-solution", "/labs/lab");
    }

    @Test
    void bad_command_lines_get_a_non_zero_exit() {
        assertThat(Grade.run("class", "/no/such/folder")).isEqualTo(2);
        assertThat(Grade.run("submission", ".", "--labs", "99")).isEqualTo(2);
        assertThat(Grade.run("no-such-command")).isEqualTo(2);
    }
}
