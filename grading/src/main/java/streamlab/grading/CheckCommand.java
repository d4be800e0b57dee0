package streamlab.grading;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import streamlab.support.Api;

/** {@code ./check}: a student's own labs/, graded without points. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description =
                "Check your own labs/ (no points): what passes, and for what fails the input, expected and actual rows.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "LAB", description = "The lab number (default: all labs).")
    String lab;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "API",
            description = "dstream or structured (default: both, and the tests that compare them).")
    Api api = Api.BOTH;

    @Option(
            names = "--test-timeout",
            defaultValue = "120",
            description = "Time limit of one test in seconds (default: ${DEFAULT-VALUE}).")
    int testTimeout;

    @Override
    public Integer call() {
        LabCatalog catalog = LabCatalog.find(Path.of("").toAbsolutePath());
        GradingOptions o = new GradingOptions();
        o.labs = lab == null ? List.of() : List.of(lab);
        o.api = api;
        o.testTimeout = testTimeout;
        o.submissionTimeout = 60;
        o.out = catalog.root().resolve("grading-out/check");
        Submission mine = new Submission("your labs", catalog.root().resolve("labs"));
        SubmissionGrader.Graded graded = o.grader(catalog).grade(mine, catalog.select(o.labs), o.api, Grade.progress());
        return SelfCheck.print(graded, Grade.OUT);
    }
}
