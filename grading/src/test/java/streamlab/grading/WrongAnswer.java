package streamlab.grading;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A deliberately wrong answer: a reference solution with one patch (replace a piece of text, which must
 * stand there exactly once, with another), kept in src/test/resources/wrong-answers/*.properties with
 * the mistake it models and the graded tests that must catch it.
 */
record WrongAnswer(
        String name,
        String why,
        String lab,
        String api,
        String file,
        String exercise,
        String replace,
        String with,
        List<String> caughtBy) {

    static final Path DIR = Path.of("src/test/resources/wrong-answers");

    static List<WrongAnswer> all() {
        List<WrongAnswer> answers = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties"))
                    .sorted()
                    .toList()) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                answers.add(new WrongAnswer(
                        f.getFileName().toString().replace(".properties", ""),
                        p.getProperty("why"),
                        p.getProperty("lab"),
                        p.getProperty("api"),
                        p.getProperty("file"),
                        p.getProperty("exercise"),
                        p.getProperty("replace"),
                        p.getProperty("with", ""),
                        Arrays.stream(p.getProperty("caught_by", "").split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answers;
    }

    /** The keys of the graded tests that must catch it: {@code lab01.dstream.some_test}. */
    List<String> testKeys() {
        return caughtBy.stream().map(t -> "lab" + lab + "." + api + "." + t).toList();
    }

    /**
     * Packs wrong answers into as few submissions as possible. Two wrong answers of one lab share a submission
     * only if each one's catching tests cannot reach the other one's exercise (so a test that fails, fails for
     * the mistake it names): always when they are in different APIs (an API's tests use only that API's
     * exercises) and different files, and within one API when the sources show no path from the tests named
     * by either to the exercise of the other ({@link ExerciseCalls}).
     */
    static List<List<WrongAnswer>> packed(List<WrongAnswer> answers, LabCatalog catalog) {
        Map<String, ExerciseCalls> calls = new HashMap<>();
        for (WrongAnswer a : answers) {
            calls.computeIfAbsent(a.lab, n -> {
                LabCatalog.Lab lab = catalog.lab(n).orElseThrow();
                return ExerciseCalls.in(List.of(
                        lab.tests(),
                        lab.program(),
                        catalog.root()
                                .resolve("solutions")
                                .resolve(lab.dirName())
                                .resolve("src/main/java")));
            });
        }
        // the exercises with the most wrong answers first: each of those needs a submission of its own anyway
        Map<String, Long> perExercise =
                answers.stream().collect(Collectors.groupingBy(WrongAnswer::exerciseKey, Collectors.counting()));
        List<WrongAnswer> ordered = answers.stream()
                .sorted(Comparator.comparing((WrongAnswer a) -> perExercise.get(a.exerciseKey()))
                        .reversed())
                .toList();
        List<List<WrongAnswer>> groups = new ArrayList<>();
        for (WrongAnswer a : ordered) {
            List<WrongAnswer> home = null;
            for (List<WrongAnswer> g : groups) {
                if (g.stream().allMatch(b -> apart(a, b, calls.get(a.lab)))) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(a);
        }
        return groups;
    }

    private String exerciseKey() {
        return lab + " " + api + " " + exercise;
    }

    private static boolean apart(WrongAnswer a, WrongAnswer b, ExerciseCalls calls) {
        if (!a.lab.equals(b.lab)) {
            return true;
        }
        if (a.file.equals(b.file)
                && (a.with.contains(b.replace)
                        || b.with.contains(a.replace)
                        || a.replace.contains(b.replace)
                        || b.replace.contains(a.replace))) {
            return false; // one patch would change what the other must find exactly once
        }
        if (!a.api.equals(b.api)) {
            return !a.file.equals(b.file);
        }
        return !a.exercise.equals(b.exercise)
                && a.caughtBy.stream().noneMatch(t -> calls.reachable(t).contains(b.exercise))
                && b.caughtBy.stream().noneMatch(t -> calls.reachable(t).contains(a.exercise));
    }

    /** Writes the reference solutions of these answers' labs, each patched, as one submission. */
    static Path writeSubmission(List<WrongAnswer> answers, LabCatalog catalog, Path student) throws IOException {
        for (WrongAnswer a : answers) {
            a.copySolution(catalog, student);
        }
        for (WrongAnswer a : answers) {
            a.patch(catalog, student);
        }
        return student;
    }

    private void copySolution(LabCatalog catalog, Path student) throws IOException {
        LabCatalog.Lab lab = catalog.lab(this.lab).orElseThrow();
        Path from = catalog.root().resolve("solutions").resolve(lab.dirName()).resolve("src/main/java");
        Path to = student.resolve(lab.dirName()).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path dest = to.resolve(from.relativize(f).toString());
                Files.createDirectories(dest.getParent());
                Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void patch(LabCatalog catalog, Path student) throws IOException {
        LabCatalog.Lab lab = catalog.lab(this.lab).orElseThrow();
        Path target = student.resolve(lab.dirName()).resolve("src/main/java").resolve(file);
        String source = Files.readString(target);
        int first = source.indexOf(replace);
        if (first < 0 || source.indexOf(replace, first + 1) >= 0) {
            throw new IllegalStateException("The wrong answer " + name + " no longer applies: " + file + " must hold '"
                    + replace + "' exactly once. Update " + DIR.resolve(name + ".properties") + ".");
        }
        Files.writeString(target, source.replace(replace, with));
    }
}
