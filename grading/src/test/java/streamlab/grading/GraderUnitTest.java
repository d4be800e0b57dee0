package streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamlab.kafka.Topics;
import streamlab.support.Api;

class GraderUnitTest {

    private final LabCatalog catalog = LabCatalog.find(Path.of(""));

    private static final SuiteIndex INDEX =
            new SuiteIndex(LabCatalog.find(Path.of("")), new LabCompiler(), System.getProperty("java.class.path"));

    @Test
    void every_lab_has_graded_tests_for_both_apis_found_by_junit() {
        assertThat(catalog.labs()).isNotEmpty();
        for (LabCatalog.Lab lab : catalog.labs()) {
            List<SuiteIndex.Entry> tests = INDEX.of(lab, Api.BOTH);
            assertThat(tests)
                    .as("lab " + lab.number())
                    .extracting(SuiteIndex.Entry::api)
                    .contains("dstream", "structured");
            assertThat(INDEX.of(lab, Api.DSTREAM))
                    .extracting(SuiteIndex.Entry::api)
                    .containsOnly("dstream");
        }
        // a class that compares the two APIs is indexed in a column of its own
        assertThat(INDEX.of(catalog.lab("02").orElseThrow(), Api.BOTH))
                .extracting(SuiteIndex.Entry::key)
                .contains(
                        "lab02.both.dstream_update_state_by_key_equals_the_structured_complete_table_after_every_batch");
    }

    @Test
    void the_longest_labs_go_first_by_their_last_timing_else_by_their_tests(@TempDir Path dir) {
        List<LabCatalog.Lab> labs = catalog.select(List.of("01", "02", "03"));
        LabTimes times = new LabTimes(dir.resolve("lab-seconds.properties"));
        // never timed: lab 02 has more graded tests than lab 01, and lab 03 more Structured ones
        assertThat(times.longestFirst(labs, Api.BOTH, INDEX))
                .extracting(LabCatalog.Lab::number)
                .containsExactly("02", "03", "01");
        times.learn(List.of(
                new TestResult("01", "dstream", "a", TestResult.Status.PASSED, "", 9.0),
                new TestResult("01", "structured", "b", TestResult.Status.FAILED, "wrong", 20.0),
                new TestResult("02", "dstream", "a", TestResult.Status.PASSED, "", 1.0),
                new TestResult("02", "structured", "a", TestResult.Status.PASSED, "", 2.0),
                new TestResult("02", "both", "a", TestResult.Status.PASSED, "", 3.0),
                new TestResult("03", "dstream", "a", TestResult.Status.PASSED, "", 50.0),
                new TestResult("03", "structured", "a", TestResult.Status.NOT_RUN, "the JVM stopped", 0)));
        // lab 03's Structured tests did not all run: it is still estimated from its tests
        LabTimes again = new LabTimes(dir.resolve("lab-seconds.properties"));
        assertThat(again.longestFirst(labs, Api.BOTH, INDEX))
                .extracting(LabCatalog.Lab::number)
                .containsExactly("01", "03", "02");
        assertThat(again.longestFirst(labs, Api.DSTREAM, INDEX))
                .extracting(LabCatalog.Lab::number)
                .containsExactly("03", "01", "02");
    }

    @Test
    void the_grader_starts_a_broker_while_it_compiles_only_for_graded_tests_that_take_one(@TempDir Path dir) {
        // lab 12's kill-and-restart test takes one too, but it is not graded
        assertThat(catalog.labs())
                .filteredOn(lab -> !GradingBroker.testsTakingABroker(lab).isEmpty())
                .extracting(LabCatalog.Lab::number)
                .containsExactly("11");
        assertThat(GradingBroker.testsTakingABroker(catalog.lab("11").orElseThrow()))
                .contains(
                        "from_offsets_starts_each_partition_at_its_own_offset",
                        "the_receiver_brings_every_value_of_every_partition_into_the_stream")
                .doesNotContain("word_counts_add_up_each_word_over_every_partition_and_batch");
        try (GradingBroker none = GradingBroker.startIfNeeded(catalog.select(List.of("01", "12")), Set.of(), dir)) {
            assertThat(none.jvmOptions()).isEmpty();
        }
        // lab 11 with only tests that read no topic (a MemoryStream of Kafka-shaped rows)
        try (GradingBroker none = GradingBroker.startIfNeeded(
                catalog.select(List.of("11")),
                Set.of("lab11.structured.word_counts_add_up_each_word_over_every_partition_and_batch"),
                dir)) {
            assertThat(none.jvmOptions()).isEmpty();
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void the_broker_started_for_the_grading_jvms_answers_at_the_address_they_are_given_and_goes_with_its_data(
            @TempDir Path dir) {
        try (GradingBroker broker = GradingBroker.startIfNeeded(
                catalog.select(List.of("11")),
                Set.of("lab11.dstream.the_receiver_brings_every_value_of_every_partition_into_the_stream"),
                dir)) {
            assertThat(broker.jvmOptions())
                    .singleElement()
                    .asString()
                    .startsWith("-Dstreamlab.kafka.bootstrap=127.0.0.1:");
            String address = broker.jvmOptions().get(0).substring("-Dstreamlab.kafka.bootstrap=".length());
            Topics topics = new Topics(address);
            topics.create("graded", 2);
            topics.sendValues("graded", 1, List.of("answered"));
            assertThat(topics.values("graded")).containsExactly("answered");
            assertThat(dir.resolve("kafka-broker")).isDirectory();
        }
        assertThat(dir.resolve("kafka-broker")).doesNotExist();
    }

    @Test
    void the_junit_reports_of_several_jvms_are_gathered_in_one_folder(@TempDir Path dir) throws IOException {
        for (int i = 1; i <= 2; i++) {
            Files.createDirectories(dir.resolve("junit-" + i));
            Files.writeString(dir.resolve("junit-" + i + "/TEST-lab0" + i + ".xml"), "<testsuite jvm=\"" + i + "\"/>");
        }
        JvmFiles.gatherReports(2, i -> dir.resolve("junit-" + i), dir.resolve("junit"));
        assertThat(dir.resolve("junit/TEST-lab01.xml")).hasContent("<testsuite jvm=\"1\"/>");
        assertThat(dir.resolve("junit/TEST-lab02.xml")).hasContent("<testsuite jvm=\"2\"/>");
        assertThat(dir.resolve("junit-1")).doesNotExist();
    }

    @Test
    void the_points_file_names_only_tests_that_exist() {
        assertThat(Points.load(catalog.root().resolve("grading/points.properties"))
                        .unknownKeys(Grade.knownKeys(catalog, INDEX)))
                .isEmpty();
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
                .isInstanceOf(GradingException.class)
                .hasMessageContaining("'default = lots' is not a number");
    }

    @Test
    void the_graded_classpath_is_checked_by_what_it_holds_not_where_it_is(@TempDir Path dir) throws IOException {
        assertThat(GradingClasspath.current().split(java.io.File.pathSeparator))
                .allSatisfy(entry -> assertThat(Path.of(entry)).isAbsolute());
        // a folder named like the repository's is fine; one that holds lab classes is not
        Path innocent = Files.createDirectories(dir.resolve("solutions/labs/lab01/target/classes/streamlab/harness"));
        assertThat(GradingClasspath.holdsLabClasses(innocent.getParent().getParent()))
                .isFalse();
        Path labClasses = Files.createDirectories(dir.resolve("elsewhere/streamlab/lab01"));
        Files.writeString(labClasses.resolve("WordCountDStream.class"), "");
        assertThat(GradingClasspath.holdsLabClasses(dir.resolve("elsewhere"))).isTrue();
    }

    @Test
    void the_grading_classpath_is_all_jars_each_folder_in_a_jar_named_by_what_it_holds(@TempDir Path dir)
            throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/streamlab/harness"));
        Files.writeString(classes.resolve("A.class"), "a");
        Path library = Files.writeString(dir.resolve("library.jar"), "");
        String classpath = classes.getParent().getParent() + java.io.File.pathSeparator + library;

        String snapshot = GradingClasspath.snapshot(classpath, dir.resolve("jars"));
        String[] entries = snapshot.split(java.io.File.pathSeparator);
        assertThat(entries).hasSize(2).allMatch(entry -> entry.endsWith(".jar"));
        assertThat(entries[1]).isEqualTo(library.toString());
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(entries[0])) {
            assertThat(new String(jar.getInputStream(jar.getEntry("streamlab/harness/A.class"))
                            .readAllBytes()))
                    .isEqualTo("a");
        }
        // the same classes: the same jar, untouched (a class-data archive checks its date); other classes: another
        java.nio.file.attribute.FileTime made = Files.getLastModifiedTime(Path.of(entries[0]));
        assertThat(GradingClasspath.snapshot(classpath, dir.resolve("jars"))).isEqualTo(snapshot);
        assertThat(Files.getLastModifiedTime(Path.of(entries[0]))).isEqualTo(made);
        Files.writeString(classes.resolve("A.class"), "changed");
        assertThat(GradingClasspath.snapshot(classpath, dir.resolve("jars")).split(java.io.File.pathSeparator)[0])
                .isNotEqualTo(entries[0]);
    }

    @Test
    void bad_command_lines_get_a_non_zero_exit() {
        assertThat(Grade.run("class", "/no/such/folder")).isEqualTo(2);
        assertThat(Grade.run("submission", ".", "--labs", "99")).isEqualTo(2);
        assertThat(Grade.run("no-such-command")).isEqualTo(2);
    }
}
