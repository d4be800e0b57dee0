package streamlab.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The autograder zip an instructor uploads to Gradescope: {@code setup.sh} and {@code run_autograder} at its
 * root (from {@code grading/platforms/gradescope/}), and beside them this repository's files as git tracks
 * them, which Gradescope unpacks into {@code /autograder/source}. The reference solutions' code stays out:
 * the grader never needs it, and a student's code runs in the same container.
 */
final class GradescopeZip {

    static final String PLATFORM = "grading/platforms/gradescope/";

    private GradescopeZip() {}

    /**
     * Writes the zip; returns how many files it holds. {@code gradeOptions} (such as {@code --labs 01,02} for an
     * assignment of two labs) go into run_autograder, for {@code ./grade gradescope}.
     */
    static int write(Path root, Path zip, List<String> gradeOptions) {
        List<String> files = repositoryFiles(root);
        try {
            Files.createDirectories(zip.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(zip);
                    ZipOutputStream out = new ZipOutputStream(file)) {
                add(out, "setup.sh", Files.readAllBytes(root.resolve(PLATFORM + "setup.sh")));
                add(
                        out,
                        "run_autograder",
                        runAutograder(Files.readString(root.resolve(PLATFORM + "run_autograder")), gradeOptions)
                                .getBytes(StandardCharsets.UTF_8));
                for (String name : files) {
                    add(out, name, Files.readAllBytes(root.resolve(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.size() + 2;
    }

    /** run_autograder, with {@code options} set before the ones it is given. */
    static String runAutograder(String script, List<String> options) {
        if (options.isEmpty()) {
            return script;
        }
        for (String option : options) {
            if (!option.matches("[A-Za-z0-9,._=-]+")) {
                throw new GradingException("Not an option run_autograder can hold: " + option);
            }
        }
        return script.replaceFirst(
                "(?m)^set -uo pipefail$", "set -uo pipefail\nset -- " + String.join(" ", options) + " \"\\$@\"");
    }

    /** The repository's files (git's, else every file outside build output), without the solutions' code. */
    static List<String> repositoryFiles(Path root) {
        List<String> names = gitFiles(root);
        if (names == null) {
            names = new ArrayList<>();
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.filter(Files::isRegularFile).toList()) {
                    String name = root.relativize(p).toString().replace('\\', '/');
                    if (!name.startsWith(".git/") && !name.contains("target/") && !name.startsWith("grading-out/")) {
                        names.add(name);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names.stream()
                .filter(n -> !n.matches("solutions/[^/]+/src/main/.*"))
                .filter(n -> !n.equals("setup.sh") && !n.equals("run_autograder"))
                .filter(n -> Files.isRegularFile(root.resolve(n)))
                .sorted()
                .toList();
    }

    private static List<String> gitFiles(Path root) {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z")
                    .directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0 || listing.isEmpty()) {
                return null;
            }
            return new ArrayList<>(List.of(listing.split("\0")));
        } catch (IOException e) {
            return null; // no git here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void add(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }
}
