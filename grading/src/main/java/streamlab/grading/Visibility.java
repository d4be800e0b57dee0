package streamlab.grading;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * When Gradescope shows a test to the student, from {@code visibility.*} keys in
 * {@code grading/points.properties}, the most specific first, as for points:
 * {@code visibility.lab03.structured.some_test}, {@code visibility.lab03.structured},
 * {@code visibility.lab03}, {@code visibility.default}; else {@code visible}.
 * Gradescope's values: {@code visible}, {@code after_due_date}, {@code after_published}, {@code hidden}.
 */
final class Visibility {

    static final String PREFIX = "visibility.";
    static final List<String> VALUES = List.of("visible", "after_due_date", "after_published", "hidden");

    private final Properties values;
    private final Path file;

    private Visibility(Properties values, Path file) {
        this.values = values;
        this.file = file;
    }

    static Visibility load(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Visibility(p, file);
    }

    String of(TestResult o) {
        for (String key : new String[] {o.key(), "lab" + o.lab() + "." + o.api(), "lab" + o.lab(), "default"}) {
            String v = values.getProperty(PREFIX + key);
            if (v != null) {
                String value = v.trim();
                if (!VALUES.contains(value)) {
                    throw new GradingException(
                            file + ": '" + PREFIX + key + " = " + v + "' is not one of " + VALUES + ".");
                }
                return value;
            }
        }
        return "visible";
    }
}
