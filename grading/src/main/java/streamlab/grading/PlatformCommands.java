package streamlab.grading;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The commands a grading platform runs, one submission each, in a container of its own: every one writes
 * its platform's result file whatever happens (a submission that does not compile gets its compiler's
 * message, a failure of the grader itself a sentence), and exits 0 once that file is written.
 */
final class PlatformCommands {

    private PlatformCommands() {}

    static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    @Command(
            name = "gradescope",
            mixinStandardHelpOptions = true,
            description = {
                "Grade ROOT/submission as Gradescope's autograder does, into ROOT/results/results.json.",
                "ROOT is /autograder unless --root or STREAMLAB_AUTOGRADER_ROOT says otherwise."
            })
    static final class Gradescope implements Callable<Integer> {
        @Option(
                names = "--root",
                paramLabel = "DIR",
                description = "Gradescope's folder (default: $STREAMLAB_AUTOGRADER_ROOT, else /autograder).")
        Path root;

        @CommandLine.Mixin
        GradingOptions options;

        @Override
        public Integer call() {
            Path base = root != null ? root : Path.of(env("STREAMLAB_AUTOGRADER_ROOT", "/autograder"));
            Path results = base.resolve("results/results.json");
            Visibility visibility = Visibility.load(options.catalog().root().resolve("grading/points.properties"));
            PlatformGrading.grade(
                    options,
                    base.resolve("submission"),
                    board -> GradescopeResults.write(GradescopeResults.of(board, visibility), results),
                    why -> GradescopeResults.write(GradescopeResults.failure(why), results),
                    Grade.OUT);
            Grade.OUT.println("Results: " + results);
            return 0;
        }
    }

    @Command(
            name = "prairielearn",
            mixinStandardHelpOptions = true,
            description = {
                "Grade ROOT/student as PrairieLearn's external grader does, into ROOT/results/results.json.",
                "ROOT is /grade unless --root or STREAMLAB_PRAIRIELEARN_ROOT says otherwise."
            })
    static final class PrairieLearn implements Callable<Integer> {
        @Option(
                names = "--root",
                paramLabel = "DIR",
                description = "PrairieLearn's folder (default: $STREAMLAB_PRAIRIELEARN_ROOT, else /grade).")
        Path root;

        @CommandLine.Mixin
        GradingOptions options;

        @Override
        public Integer call() {
            Path base = root != null ? root : Path.of(env("STREAMLAB_PRAIRIELEARN_ROOT", "/grade"));
            Path results = base.resolve("results/results.json");
            PlatformGrading.grade(
                    options,
                    base.resolve("student"),
                    board -> PrairieLearnResults.write(PrairieLearnResults.of(board), results),
                    why -> PrairieLearnResults.write(PrairieLearnResults.failure(why), results),
                    Grade.OUT);
            Grade.OUT.println("Results: " + results);
            return 0;
        }
    }

    @Command(
            name = "classroom",
            mixinStandardHelpOptions = true,
            description = {
                "Grade a student's repository for GitHub Classroom: one result per lab (lab01, lab02, ...)",
                "for classroom-resources/autograding-grading-reporter, as base64 step outputs in $GITHUB_OUTPUT,",
                "each test with its own points; the JSON also goes to --json."
            })
    static final class Classroom implements Callable<Integer> {
        @Option(
                names = "--submission",
                paramLabel = "DIR",
                defaultValue = ".",
                description = "The student's repository or copy of labs/ (default: the current folder).")
        Path submission;

        @Option(
                names = "--json",
                paramLabel = "DIR",
                description = "Where the results go as JSON files, one a lab (default: grading-out/classroom).")
        Path json;

        @CommandLine.Mixin
        GradingOptions options;

        @Override
        public Integer call() {
            LabCatalog catalog = options.catalog();
            Path out = json != null ? json : options.out(catalog).resolve("classroom");
            String githubOutput = System.getenv("GITHUB_OUTPUT");
            Path outputFile = githubOutput == null || githubOutput.isBlank() ? null : Path.of(githubOutput);
            List<LabCatalog.Lab> labs = catalog.select(options.labs);
            PlatformGrading.grade(
                    options,
                    submission.toAbsolutePath(),
                    board -> {
                        Grade.OUT.println();
                        board.outcomes().forEach(o -> Grade.OUT.println(SelfCheck.report(o)));
                        for (LabCatalog.Lab lab : labs) {
                            String name = "lab" + lab.number();
                            ClassroomResults.write(
                                    ClassroomResults.of(board.ofLab(lab.number())),
                                    name,
                                    outputFile,
                                    out.resolve(name + ".json"));
                        }
                    },
                    why -> {
                        for (LabCatalog.Lab lab : labs) {
                            String name = "lab" + lab.number();
                            ClassroomResults.write(
                                    ClassroomResults.failure(why), name, outputFile, out.resolve(name + ".json"));
                        }
                    },
                    Grade.OUT);
            Grade.OUT.println(
                    "Results: " + out + (outputFile != null ? " and the step outputs lab01, lab02, ..." : ""));
            return 0;
        }
    }

    @Command(
            name = "gradescope-zip",
            mixinStandardHelpOptions = true,
            description =
                    "Write the autograder zip to upload to Gradescope: setup.sh, run_autograder and this repository"
                            + " (without the reference solutions' code).")
    static final class GradescopeZipCommand implements Callable<Integer> {
        @Option(
                names = "--out",
                paramLabel = "FILE",
                description = "The zip (default: grading-out/gradescope-autograder.zip).")
        Path out;

        @Option(
                names = "--labs",
                split = ",",
                paramLabel = "NN",
                description = "Grade only these labs, e.g. 01,03 (default: all).")
        List<String> labs = new java.util.ArrayList<>();

        @Option(
                names = "--api",
                paramLabel = "dstream|structured|both",
                description = "Grade only one API's tests (default: both).")
        String api;

        @Override
        public Integer call() {
            LabCatalog catalog = LabCatalog.find(Path.of("").toAbsolutePath());
            Path zip = out != null
                    ? out.toAbsolutePath()
                    : catalog.root().resolve("grading-out/gradescope-autograder.zip");
            catalog.select(labs); // an unknown lab is a usage error now, not at the first submission
            List<String> options = new java.util.ArrayList<>();
            if (!labs.isEmpty()) {
                options.add("--labs");
                options.add(String.join(",", labs));
            }
            if (api != null) {
                options.add("--api");
                options.add(api);
            }
            int files = GradescopeZip.write(catalog.root(), zip, options);
            Grade.OUT.println("Wrote " + zip + " (" + files + " files). Upload it as the autograder of a Gradescope"
                    + " programming assignment (see grading/README.md, Gradescope).");
            return 0;
        }
    }
}
