package streamlab.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/** Splits the labs of a submission between grading JVMs, and joins the files those JVMs write. */
final class LabShares {

    private LabShares() {}

    /**
     * At most {@code jvms} shares of {@code labs}, as even as their weights allow (the heaviest lab goes
     * first, each to the lightest share); each share keeps the labs in their order. No share is empty.
     */
    static List<List<String>> split(List<String> labs, int jvms, ToIntFunction<String> weight) {
        int count = Math.max(1, Math.min(jvms, labs.size()));
        List<List<String>> shares = new ArrayList<>();
        int[] load = new int[count];
        for (int i = 0; i < count; i++) {
            shares.add(new ArrayList<>());
        }
        List<String> heaviestFirst = new ArrayList<>(labs);
        heaviestFirst.sort(Comparator.comparingInt(weight).reversed().thenComparing(Comparator.naturalOrder()));
        for (String lab : heaviestFirst) {
            int lightest = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[lightest]) {
                    lightest = i;
                }
            }
            shares.get(lightest).add(lab);
            load[lightest] += weight.applyAsInt(lab);
        }
        shares.forEach(share -> share.sort(Comparator.naturalOrder()));
        return shares;
    }

    /** Writes the files of shares 1..n, one after the other, into {@code target}, and deletes them. */
    static void concatenate(List<List<String>> shares, IntFunction<Path> fileOfShare, Path target) throws IOException {
        boolean labelled = target.getFileName().toString().endsWith(".log") && shares.size() > 1;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int i = 1; i <= shares.size(); i++) {
                Path part = fileOfShare.apply(i);
                if (labelled) {
                    out.write(("== grading JVM " + i + " of " + shares.size() + ": labs " + String.join(", ", shares.get(i - 1))
                            + "\n").getBytes(StandardCharsets.UTF_8));
                }
                if (Files.exists(part)) {
                    out.write(Files.readAllBytes(part));
                    Files.delete(part);
                }
            }
        }
    }

    /**
     * Moves the JUnit XML reports that the JVMs of shares 1..n wrote into folders of their own into
     * {@code target}, each file named after its share when there are several (they all write
     * {@code TEST-junit-jupiter.xml}), and deletes those folders.
     */
    static void gatherReports(int shares, IntFunction<Path> dirOfShare, Path target) throws IOException {
        Files.createDirectories(target);
        for (int i = 1; i <= shares; i++) {
            Path dir = dirOfShare.apply(i);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    String moved = shares > 1 ? name.replaceFirst("(\\.xml)?$", "-" + i + "$1") : name;
                    Files.move(f, target.resolve(moved), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.delete(dir);
        }
    }
}
