package streamlab.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import streamlab.support.Api;

/**
 * The grader's command line. Grading never falls back to the reference solutions: a submission is
 * compiled from its own sources, and a lab it lacks scores zero.
 */
@Command(
        name = "grade",
        mixinStandardHelpOptions = true,
        description = "Grade students' labs with the grading suite, or check your own.",
        subcommands = {
            Grade.SubmissionCommand.class,
            Grade.ClassCommand.class,
            CheckCommand.class,
            Grade.SampleClassCommand.class,
            PlatformCommands.Gradescope.class,
            PlatformCommands.PrairieLearn.class,
            PlatformCommands.Classroom.class,
            PlatformCommands.GradescopeZipCommand.class
        },
        footer = {
            "",
            "Examples:",
            "  ./grade submission ~/inbox/alice            one student's copy of labs/",
            "  ./grade class ~/inbox                       every folder in ~/inbox is a submission",
            "  ./grade sample-class && ./grade class grading-out/sample-class",
            "  ./grade gradescope-zip                      the autograder zip for Gradescope",
            "  ./check 03 dstream                          a student checks lab 03's DStream side"
        })
public final class Grade implements Callable<Integer> {

    static final PrintStream OUT = System.out;

    @Override
    public Integer call() {
        new CommandLine(this).usage(OUT);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Grade()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof GradingException) {
                System.err.println(e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    static SubmissionGrader.ProgressListener progress() {
        return new SubmissionGrader.ProgressListener() {
            @Override
            public void lab(Submission s, LabCatalog.Lab lab, String state) {
                OUT.println("  " + s.name() + ": lab " + lab.number() + " " + state);
            }

            @Override
            public void note(Submission s, String text) {
                OUT.println("  " + s.name() + ": " + text);
            }
        };
    }

    static Scoreboard gradeOne(GradingOptions o, LabCatalog catalog, SubmissionGrader grader, Submission s) {
        OUT.println("Grading " + s.name() + " (" + s.labsDir() + ") ...");
        SubmissionGrader.Graded graded = grader.grade(s, catalog.select(o.labs), o.api, progress());
        Scoreboard board = new Scoreboard(graded, points(catalog));
        board.write();
        OUT.println(board.render(true));
        return board;
    }

    static Points points(LabCatalog catalog) {
        return Points.load(catalog.root().resolve("grading/points.properties"));
    }

    @Command(
            name = "submission",
            mixinStandardHelpOptions = true,
            description = "Grade one submission: a copy of labs/ (or of the whole repository).")
    static final class SubmissionCommand implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", description = "The student's folder.")
        Path path;

        @CommandLine.Mixin
        GradingOptions options;

        @Override
        public Integer call() {
            LabCatalog catalog = options.catalog();
            Submission s = Submission.at(path);
            Scoreboard board = gradeOne(options, catalog, options.grader(catalog), s);
            new ClassTable(List.of(board)).write(options.out(catalog));
            OUT.println("Reports: " + options.out(catalog).resolve(SubmissionGrader.safeName(s.name())));
            return 0;
        }
    }

    @Command(
            name = "class",
            mixinStandardHelpOptions = true,
            description = "Grade every submission in a folder (each sub-folder is one student's copy of labs/).")
    static final class ClassCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FOLDER", description = "The folder of submissions.")
        Path folder;

        @CommandLine.Mixin
        GradingOptions options;

        @Override
        public Integer call() {
            LabCatalog catalog = options.catalog();
            if (!Files.isDirectory(folder)) {
                throw new GradingException("No folder of submissions at " + folder + ".");
            }
            List<Path> students;
            try (Stream<Path> dirs = Files.list(folder)) {
                students = dirs.filter(Files::isDirectory)
                        .filter(d -> !d.getFileName().toString().startsWith("."))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (students.isEmpty()) {
                throw new GradingException("The folder " + folder + " has no submissions (no sub-folders).");
            }
            SubmissionGrader grader = options.grader(catalog);
            List<Scoreboard> boards = new ArrayList<>();
            long start = System.nanoTime();
            for (Path student : students) {
                boards.add(gradeOne(options, catalog, grader, Submission.at(student)));
            }
            ClassTable table = new ClassTable(boards);
            Path out = options.out(catalog);
            table.write(out);
            OUT.println(table.markdown());
            OUT.printf(
                    Locale.ROOT,
                    "Graded %d submissions in %.0f s. Class table: %s (and .csv); per student: %s/<student>/%n",
                    boards.size(),
                    (System.nanoTime() - start) / 1e9,
                    out.resolve("class-results.md"),
                    out);
            warnAboutPoints(catalog, grader.index());
            return 0;
        }
    }

    static void warnAboutPoints(LabCatalog catalog, SuiteIndex index) {
        List<String> unknown = points(catalog).unknownKeys(knownKeys(catalog, index));
        if (!unknown.isEmpty()) {
            OUT.println("Note: grading/points.properties names tests that do not exist: " + unknown);
        }
    }

    /** Every key points.properties may use: per lab, per lab and API, per test. */
    static Set<String> knownKeys(LabCatalog catalog, SuiteIndex index) {
        Set<String> known = new HashSet<>();
        for (LabCatalog.Lab lab : catalog.labs()) {
            known.add("lab" + lab.number());
            for (SuiteIndex.Entry e : index.of(lab, Api.BOTH)) {
                known.add(e.key());
                known.add("lab" + e.lab() + "." + e.api());
            }
        }
        return known;
    }

    @Command(
            name = "sample-class",
            mixinStandardHelpOptions = true,
            description = "Write three sample submissions (complete, partial, broken) to try the grader on.")
    static final class SampleClassCommand implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "DIR", description = "Where (default: grading-out/sample-class).")
        Path dir;

        @Override
        public Integer call() {
            LabCatalog catalog = LabCatalog.find(Path.of("").toAbsolutePath());
            Path target = dir != null ? dir : catalog.root().resolve("grading-out/sample-class");
            SampleClass.write(catalog, target);
            OUT.println("Wrote three submissions to " + target + ": alice-complete, bob-partial, carol-broken.");
            OUT.println("Grade them: ./grade class " + catalog.root().relativize(target.toAbsolutePath()));
            return 0;
        }
    }
}
