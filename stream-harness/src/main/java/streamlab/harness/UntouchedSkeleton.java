package streamlab.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a lab module's {@code src/main} is still the skeleton it came as: every file has the git blob
 * id that {@code grading/pristine-skeletons.txt} records for it, and there is no other file. Every graded
 * test of such a lab can only report "not implemented" (the grader's own build proves it by running
 * them), so a working copy's build skips them without starting Spark.
 *
 * <p>The system property {@value #PROPERTY} names the module folder and the record, separated by
 * {@code |}; the lab build sets it. Anything unexpected (a file that differs, a record that cannot be
 * read) means "touched": the tests then run as usual.
 */
final class UntouchedSkeleton {

    static final String PROPERTY = "streamlab.untouched";

    private static Optional<String> verdict;

    private UntouchedSkeleton() {}

    /** A sentence for the skipped tests when the lab is untouched; empty otherwise (or when not asked). */
    static synchronized Optional<String> check() {
        if (verdict == null) {
            verdict = evaluate(System.getProperty(PROPERTY, ""));
        }
        return verdict;
    }

    static Optional<String> evaluate(String setting) {
        int bar = setting.indexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        Path module = Path.of(setting.substring(0, bar));
        Path record = Path.of(setting.substring(bar + 1));
        try {
            String prefix = "labs/" + module.getFileName() + "/";
            Map<String, String> expected = new HashMap<>();
            for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ", 2);
                if (parts.length == 2 && !line.startsWith("#") && parts[1].startsWith(prefix)) {
                    expected.put(parts[1].substring(prefix.length()), parts[0]);
                }
            }
            Map<String, String> actual = new HashMap<>();
            try (Stream<Path> files = Files.walk(module.resolve("src/main"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    actual.put(module.relativize(f).toString().replace('\\', '/'), blobId(Files.readAllBytes(f)));
                }
            }
            if (expected.isEmpty() || !expected.equals(actual)) {
                return Optional.empty();
            }
            return Optional.of("not implemented yet: " + prefix + "src/main is the untouched skeleton");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Git's id of a file's content: the SHA-1 of "blob LENGTH\0" and the bytes. */
    static String blobId(byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            sha.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
