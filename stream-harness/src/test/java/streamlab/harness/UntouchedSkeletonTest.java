package streamlab.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lab as it came is recognised by its files' git blob ids; any change, added or missing file is "touched". */
class UntouchedSkeletonTest {

    @TempDir
    Path root;

    private Path lab() throws IOException {
        Path module = root.resolve("labs/lab99-example");
        Path file = module.resolve("src/main/java/streamlab/lab99/Exercise.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class Exercise {}\n");
        // the id `git hash-object` gives that content
        Files.writeString(
                root.resolve("record.txt"),
                "# comment\n"
                        + "f8b0bd1b0b4ab4ba9f7a0ab8dab0b8d7ce3a9ba5 labs/lab98-other/src/main/java/Other.java\n"
                        + UntouchedSkeleton.blobId("class Exercise {}\n".getBytes(StandardCharsets.UTF_8))
                        + " labs/lab99-example/src/main/java/streamlab/lab99/Exercise.java\n");
        return module;
    }

    private String setting(Path module) {
        return module + "|" + root.resolve("record.txt");
    }

    @Test
    void the_blob_id_is_the_one_git_gives() {
        // printf 'hello\n' | git hash-object --stdin
        assertThat(UntouchedSkeleton.blobId("hello\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
    }

    @Test
    void a_lab_as_it_came_is_untouched() throws IOException {
        Path module = lab();
        assertThat(UntouchedSkeleton.evaluate(setting(module)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not implemented", "labs/lab99-example/"));
    }

    @Test
    void an_edited_added_or_missing_file_makes_it_touched() throws IOException {
        Path module = lab();
        Path exercise = module.resolve("src/main/java/streamlab/lab99/Exercise.java");
        Files.writeString(exercise, "class Exercise { int answer = 42; }\n");
        assertThat(UntouchedSkeleton.evaluate(setting(module))).isEmpty();

        Files.writeString(exercise, "class Exercise {}\n");
        Files.writeString(exercise.resolveSibling("Helper.java"), "class Helper {}\n");
        assertThat(UntouchedSkeleton.evaluate(setting(module))).isEmpty();

        Files.delete(exercise.resolveSibling("Helper.java"));
        Files.delete(exercise);
        assertThat(UntouchedSkeleton.evaluate(setting(module))).isEmpty();
    }

    @Test
    void no_setting_or_no_record_means_touched() throws IOException {
        Path module = lab();
        assertThat(UntouchedSkeleton.evaluate("")).isEmpty();
        assertThat(UntouchedSkeleton.evaluate(module + "|" + root.resolve("missing.txt")))
                .isEmpty();
    }
}
