package streamlab.grading;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import streamlab.support.Api;

/** Options shared by the grading commands (a picocli mixin). */
final class GradingOptions {

    @Option(
            names = "--labs",
            split = ",",
            paramLabel = "NN",
            description = "Only these labs, e.g. 01,03 (default: all).")
    List<String> labs = new ArrayList<>();

    @Option(
            names = "--api",
            defaultValue = "both",
            paramLabel = "dstream|structured|both",
            description =
                    "Only one API's tests, or both APIs' and the tests that compare them (default: ${DEFAULT-VALUE}).")
    Api api;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where reports go (default: grading-out/ in the repository).")
    Path out;

    @Option(
            names = "--test-timeout",
            defaultValue = "60",
            paramLabel = "SECONDS",
            description = "Time limit of one test (default: ${DEFAULT-VALUE} s).")
    int testTimeout;

    @Option(
            names = "--submission-timeout",
            defaultValue = "20",
            paramLabel = "MINUTES",
            description = "Time limit of one submission's whole run (default: ${DEFAULT-VALUE} min).")
    int submissionTimeout;

    @Option(
            names = "--jvms",
            paramLabel = "N",
            description = "How many JVMs grade one submission side by side, taking its labs one at a time"
                    + " (default: 2 on a machine with 2 or more cores and 4 GB, else 1).")
    Integer jvms;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "The lab repository (default: the one around the current folder).")
    Path repo;

    LabCatalog catalog() {
        return LabCatalog.find(repo != null ? repo : Path.of("").toAbsolutePath());
    }

    Path out(LabCatalog catalog) {
        return out != null ? out.toAbsolutePath() : catalog.root().resolve("grading-out");
    }

    SubmissionGrader grader(LabCatalog catalog) {
        int jvms = this.jvms != null ? this.jvms : MachineSize.jvms();
        if (testTimeout < 1 || submissionTimeout < 1 || jvms < 1) {
            throw new GradingException("--test-timeout, --submission-timeout and --jvms must be at least 1.");
        }
        return new SubmissionGrader(
                catalog, out(catalog), Duration.ofSeconds(testTimeout), Duration.ofMinutes(submissionTimeout), jvms);
    }
}
