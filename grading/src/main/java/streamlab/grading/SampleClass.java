package streamlab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Three made-up students to try the grader on, built from this repository's solutions and its untouched
 * skeletons as grading/pristine-skeletons.txt records them (not the working copy's labs/, where a student
 * may have solved labs):
 * <ul>
 *   <li>alice-complete: every lab solved (the reference answers);</li>
 *   <li>bob-partial: lab 01 solved, the DStream half of lab 02 solved, the rest untouched;</li>
 *   <li>carol-broken: lab 01's DStream code hangs once and its Structured code throws and prints
 *       garbage, lab 02 does not compile, the rest untouched.</li>
 * </ul>
 */
final class SampleClass {

    private SampleClass() {}

    static void write(LabCatalog catalog, Path target) {
        PristineLabs pristine = new PristineLabs(catalog.root());
        Path solutions = catalog.root().resolve("solutions");
        ScratchFolders.delete(target);
        List<LabCatalog.Lab> all = catalog.labs();

        Path alice = target.resolve("alice-complete");
        for (LabCatalog.Lab lab : all) {
            copyLab(solutions, alice, lab, f -> true);
        }

        Path bob = target.resolve("bob-partial");
        writeUntouched(pristine, bob);
        catalog.lab("01").ifPresent(lab -> copyLab(solutions, bob, lab, f -> true));
        catalog.lab("02")
                .ifPresent(lab -> copyLab(
                        solutions, bob, lab, f -> f.getFileName().toString().contains("DStream")));

        Path carol = target.resolve("carol-broken");
        writeUntouched(pristine, carol);
        catalog.lab("01").ifPresent(lab -> {
            Path pkg = carol.resolve(lab.dirName()).resolve("src/main/java/streamlab/lab01");
            write(pkg.resolve("WordCountDStream.java"), CAROL_DSTREAM);
            write(pkg.resolve("WordCountStructured.java"), CAROL_STRUCTURED);
        });
        catalog.lab("02").ifPresent(lab -> {
            copyLab(solutions, carol, lab, f -> true);
            Path src = carol.resolve(lab.dirName()).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(src)) {
                Path first = files.filter(p -> p.toString().endsWith(".java"))
                        .sorted()
                        .findFirst()
                        .orElseThrow();
                Files.writeString(first, Files.readString(first).replaceFirst("return ", "retrun "));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void writeUntouched(PristineLabs pristine, Path student) {
        List<String> unavailable = pristine.writeTo(student);
        if (!unavailable.isEmpty()) {
            throw new GradingException("The sample class needs the untouched skeletons of labs/, which differ from "
                    + PristineLabs.FILE + " here and cannot be taken from git (is this a git clone?): "
                    + unavailable.get(0)
                    + (unavailable.size() > 1 ? " and " + (unavailable.size() - 1) + " more" : ""));
        }
    }

    private static void copyLab(Path side, Path student, LabCatalog.Lab lab, Predicate<Path> which) {
        Path from = side.resolve(lab.dirName()).resolve("src/main/java");
        Path to = student.resolve(lab.dirName()).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).filter(which).toList()) {
                Path dest = to.resolve(from.relativize(f).toString());
                Files.createDirectories(dest.getParent());
                Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String CAROL_DSTREAM = """
            package streamlab.lab01;

            import java.util.Arrays;
            import java.util.concurrent.CountDownLatch;
            import org.apache.spark.streaming.api.java.JavaDStream;
            import org.apache.spark.streaming.api.java.JavaPairDStream;
            import scala.Tuple2;

            public final class WordCountDStream {
                private static boolean firstCall = true;

                private WordCountDStream() {}

                public static JavaPairDStream<String, Long> wordCounts(JavaDStream<String> lines) {
                    if (firstCall) {
                        firstCall = false;
                        try {
                            new CountDownLatch(1).await(); // waits for something that never comes
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                            .mapToPair(word -> new Tuple2<>(word, 1L))
                            .reduceByKey(Long::sum);
                }
            }
            """;

    private static final String CAROL_STRUCTURED = """
            package streamlab.lab01;

            import org.apache.spark.api.java.function.MapFunction;
            import org.apache.spark.sql.Dataset;
            import org.apache.spark.sql.Encoders;
            import org.apache.spark.sql.Row;

            public final class WordCountStructured {
                private WordCountStructured() {}

                public static Dataset<Row> wordCounts(Dataset<Row> lines) {
                    System.out.println("@@@@ debugging @@@@ ".repeat(50));
                    return lines.map((MapFunction<Row, String>) row -> {
                        throw new IllegalStateException("I have no idea what I am doing");
                    }, Encoders.STRING()).toDF("word").groupBy("word").count();
                }
            }
            """;
}
