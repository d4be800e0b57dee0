package streamlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed datasets are exactly what the generator makes: one command regenerates them byte for byte. */
class DatasetsTest {

    /** The module's folder: datasets/ of the repository. */
    private static final Path COMMITTED = Path.of("").toAbsolutePath();

    private static void generate(Path dir) {
        Generate generate = new Generate();
        generate.dir = dir;
        assertThat(generate.call()).isZero();
    }

    @Test
    void the_generator_remakes_every_committed_file_byte_for_byte(@TempDir Path fresh) throws IOException {
        generate(fresh);
        for (String folder : List.of("zipcodes", "iot", "activity")) {
            List<String> made = names(fresh.resolve(folder));
            assertThat(made).isNotEmpty();
            assertThat(names(COMMITTED.resolve(folder)))
                    .as("the files of datasets/%s (run datasets/generate after changing the generator)", folder)
                    .containsExactlyElementsOf(made);
            for (String name : made) {
                assertThat(Files.mismatch(
                                fresh.resolve(folder).resolve(name),
                                COMMITTED.resolve(folder).resolve(name)))
                        .as(
                                "datasets/%s/%s differs from what the generator makes (run datasets/generate)",
                                folder, name)
                        .isEqualTo(-1L);
            }
        }
    }

    @Test
    void generating_twice_gives_the_same_bytes(@TempDir Path first, @TempDir Path second) throws IOException {
        generate(first);
        generate(second);
        try (Stream<Path> walk = Files.walk(first)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                assertThat(Files.mismatch(file, second.resolve(first.relativize(file))))
                        .isEqualTo(-1L);
            }
        }
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
