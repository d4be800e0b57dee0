package streamlab.grading;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A deliberately wrong answer: a reference solution with one patch (replace a piece of text with
 * another), kept in src/test/resources/wrong-answers/*.properties with the mistake it models.
 */
record WrongAnswer(String name, String why, String lab, String file, String replace, String with) {

    static List<WrongAnswer> all() {
        Path dir = Path.of("src/test/resources/wrong-answers");
        List<WrongAnswer> answers = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                answers.add(new WrongAnswer(f.getFileName().toString().replace(".properties", ""),
                        p.getProperty("why"), p.getProperty("lab"), p.getProperty("file"),
                        p.getProperty("replace"), p.getProperty("with")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answers;
    }

    /** The API whose code this answer changes: {@code dstream} or {@code structured}. */
    String api() {
        return file.contains("DStream") ? "dstream" : "structured";
    }

    /**
     * Packs wrong answers into as few submissions as possible: one API each (so only those tests
     * run), and no lab twice in one submission.
     */
    static List<List<WrongAnswer>> packed(List<WrongAnswer> answers) {
        List<List<WrongAnswer>> groups = new ArrayList<>();
        for (WrongAnswer a : answers) {
            List<WrongAnswer> home = null;
            for (List<WrongAnswer> g : groups) {
                if (g.get(0).api().equals(a.api()) && g.stream().noneMatch(b -> b.lab.equals(a.lab))) {
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

    /** Writes the patched solutions of these answers' labs as one submission; returns its folder. */
    static Path writeSubmission(List<WrongAnswer> answers, LabCatalog catalog, Path student) throws IOException {
        for (WrongAnswer a : answers) {
            a.patchInto(catalog, student);
        }
        return student;
    }

    private void patchInto(LabCatalog catalog, Path student) throws IOException {
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
        Path target = to.resolve(file);
        String source = Files.readString(target);
        if (!source.contains(replace)) {
            throw new IllegalStateException("The wrong answer " + name + " no longer applies: " + file
                    + " has no '" + replace + "'. Update src/test/resources/wrong-answers/" + name + ".properties.");
        }
        Files.writeString(target, source.replace(replace, with));
    }
}
