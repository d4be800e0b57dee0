package streamlab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The graded tests of a lab, read from the test sources: so a lab that is missing or does not compile
 * still gets a row per test on the scoreboard (with zero points) and the maximum stays the same for
 * every student.
 */
final class SuiteIndex {

    /** One graded test. */
    record Entry(String lab, String api, String test) {
        String key() {
            return "lab" + lab + "." + api + "." + test;
        }
    }

    private static final Pattern LAB_TEST = Pattern.compile(
            "@LabTest\\s*\\(\\s*lab\\s*=\\s*\"(\\d\\d)\"\\s*,\\s*api\\s*=\\s*(?:Api\\.)?(DSTREAM|STRUCTURED)\\s*\\)");
    private static final Pattern TEST_METHOD = Pattern.compile(
            "@(?:Test|ParameterizedTest|RepeatedTest)\\b[^;{]*?\\bvoid\\s+(\\w+)\\s*\\(", Pattern.DOTALL);

    private SuiteIndex() {}

    static List<Entry> of(LabCatalog.Lab lab, String apiFilter) {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(lab.tests())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher labTest = LAB_TEST.matcher(source);
                if (!labTest.find()) {
                    continue;
                }
                String api = labTest.group(2).toLowerCase(Locale.ROOT);
                if (!apiFilter.equals("all") && !apiFilter.equals(api)) {
                    continue;
                }
                Matcher method = TEST_METHOD.matcher(source);
                while (method.find()) {
                    entries.add(new Entry(labTest.group(1), api, method.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
