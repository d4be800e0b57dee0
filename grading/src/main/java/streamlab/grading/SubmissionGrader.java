package streamlab.grading;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import streamlab.harness.Repository;
import streamlab.support.Api;

/**
 * Grades one submission: compiles each lab of it on its own (a lab that does not compile costs only
 * that lab), compiles the repository's graded tests against it, and runs them all in one fresh JVM
 * whose classpath holds the student's classes and never the reference solutions.
 */
final class SubmissionGrader {

    /** What grading one submission gave. */
    record Graded(Submission submission, List<Outcome> outcomes, Duration took, Path reportDir) {}

    private final LabCatalog catalog;
    private final Path outRoot;
    private final Duration testTimeout;
    private final Duration submissionTimeout;
    private final int jvms;
    private final LabCompiler compiler = new LabCompiler();
    private final String baseClasspath;
    private final SuiteIndex index;
    private final ClassDataArchive classData;

    SubmissionGrader(LabCatalog catalog, Path outRoot, Duration testTimeout, Duration submissionTimeout) {
        this(catalog, outRoot, testTimeout, submissionTimeout, 2);
    }

    /** {@code jvms}: how many grading JVMs share the labs of one submission, side by side. */
    SubmissionGrader(LabCatalog catalog, Path outRoot, Duration testTimeout, Duration submissionTimeout, int jvms) {
        this.catalog = catalog;
        this.jvms = jvms;
        this.outRoot = outRoot;
        this.testTimeout = testTimeout;
        this.submissionTimeout = submissionTimeout;
        Path classData = catalog.root().resolve("grading/target/class-data");
        this.baseClasspath = GradingClasspath.snapshot(GradingClasspath.current(), classData);
        this.classData = new ClassDataArchive(classData);
        this.index = new SuiteIndex(catalog, compiler, baseClasspath);
    }

    /** The graded tests of this repository, lab by lab. */
    SuiteIndex index() {
        return index;
    }

    Graded grade(Submission submission, List<LabCatalog.Lab> labs, Api api, ProgressListener progress) {
        return grade(submission, labs, api, Set.of(), progress);
    }

    /**
     * Grades only the tests named in {@code onlyTests} (keys such as {@code lab01.dstream.some_test}; all
     * when empty): the others are reported as not run.
     */
    Graded grade(Submission submission, List<LabCatalog.Lab> labs, Api api, Set<String> onlyTests,
                 ProgressListener progress) {
        long start = System.nanoTime();
        Path dir = outRoot.resolve(safeName(submission.name()));
        Folders.delete(dir);
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> runnable = new ArrayList<>();
        List<String> classpath = new ArrayList<>(List.of(baseClasspath));

        for (LabCatalog.Lab lab : labs) {
            List<SuiteIndex.Entry> tests = index.of(lab, api);
            if (tests.isEmpty()) {
                continue;
            }
            Optional<Path> sources = submission.sources(lab);
            if (sources.isEmpty()) {
                fill(outcomes, tests, Outcome.Status.MISSING, "no " + lab.dirName() + "/src/main/java in this submission");
                progress.lab(submission, lab, "missing");
                continue;
            }
            Path classes = dir.resolve("classes/lab" + lab.number());
            // the student's code, with the lab's program and given helpers from this repository
            LabCompiler.Result main = compiler.compile(List.of(sources.get(), lab.program()), baseClasspath, classes);
            if (!main.ok()) {
                fill(outcomes, tests, Outcome.Status.DOES_NOT_COMPILE, main.errors());
                progress.lab(submission, lab, "does not compile");
                continue;
            }
            Path testClasses = dir.resolve("test-classes/lab" + lab.number());
            LabCompiler.Result graded = compiler.compile(List.of(lab.tests()), baseClasspath + File.pathSeparator + classes,
                    testClasses);
            if (!graded.ok()) {
                fill(outcomes, tests, Outcome.Status.DOES_NOT_COMPILE,
                        "the graded tests do not compile against this lab (was a class or a method signature changed?):\n"
                                + graded.errors());
                progress.lab(submission, lab, "does not compile");
                continue;
            }
            fill(outcomes, tests, Outcome.Status.NOT_RUN, "the grading JVM stopped before this test ran");
            runnable.add(lab.number());
            classpath.add(classes.toString());
            classpath.add(testClasses.toString());
            progress.lab(submission, lab, "compiled");
        }

        if (!runnable.isEmpty()) {
            for (Outcome o : runShares(dir, String.join(File.pathSeparator, classpath), api, onlyTests, runnable,
                    progress, submission)) {
                outcomes.merge(o.key(), o, SubmissionGrader::worse);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Graded(submission, new ArrayList<>(outcomes.values()), took, dir);
    }

    /**
     * Runs the graded tests of {@code labs} in up to {@code jvms} JVMs at once, each with a share of the
     * labs (balanced by their number of tests, a Structured test weighing more), and merges what they
     * report into results.jsonl and run.log.
     */
    private List<Outcome> runShares(Path dir, String classpath, Api api, Set<String> onlyTests, List<String> labs,
                                    ProgressListener progress, Submission submission) {
        List<List<String>> shares = LabShares.split(labs, jvms, lab -> index.weight(lab, api));
        List<Process> processes = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Optional<Path> archive = classData.forJvm(jvmOptions(), baseClasspath, text -> progress.note(submission, text));
            for (int i = 0; i < shares.size(); i++) {
                processes.add(start(dir, i + 1, classpath, archive, api, onlyTests, shares.get(i)));
            }
            long deadline = System.nanoTime() + submissionTimeout.toNanos();
            boolean stopped = false;
            for (Process process : processes) {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    stopped = true;
                }
            }
            Path log = dir.resolve("run.log");
            LabShares.concatenate(shares, i -> dir.resolve("run-" + i + ".log"), log);
            Path results = dir.resolve("results.jsonl");
            LabShares.concatenate(shares, i -> dir.resolve("results-" + i + ".jsonl"), results);
            LabShares.gatherReports(shares.size(), i -> dir.resolve("junit-" + i), dir.resolve("junit"));
            if (stopped) {
                progress.note(submission, "stopped after " + submissionTimeout.toMinutes()
                        + " min; the tests that had not finished count as not run (see " + log + ")");
            }
            for (int i = 0; i < processes.size(); i++) {
                Process process = processes.get(i);
                if (!stopped && process.exitValue() != 0 && !Files.exists(dir.resolve("results-" + (i + 1) + ".jsonl"))) {
                    throw new GradingException("The grading JVM could not run the tests (exit " + process.exitValue()
                            + "): " + Files.readAllLines(log).stream().filter(l -> !l.isBlank() && !l.startsWith("=="))
                            .findFirst().orElse("") + " (see " + log + ")");
                }
            }
            return Outcome.readAll(results);
        } catch (IOException e) {
            throw new GradingException("Cannot start the grading JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("Grading was interrupted.", e);
        } finally {
            processes.forEach(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
        }
    }

    /** Starts grading JVM number {@code n} on its share of the labs; it writes results-n.jsonl, run-n.log, junit-n/. */
    private Process start(Path dir, int n, String classpath, Optional<Path> archive, Api api, Set<String> onlyTests,
                          List<String> labs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        archive.ifPresent(jsa -> {
            command.addAll(ClassDataArchive.QUIET);
            command.add("-XX:SharedArchiveFile=" + jsa);
        });
        command.add("-Djunit.jupiter.execution.timeout.default=" + testTimeout.toSeconds() + " s");
        command.add("-Djunit.jupiter.execution.timeout.thread.mode.default=SEPARATE_THREAD");
        if (!onlyTests.isEmpty()) {
            command.add("-D" + SuiteRunner.ONLY_PROPERTY + "=" + String.join(",", onlyTests));
        }
        command.add("-cp");
        command.add(classpath);
        command.add(SuiteRunner.class.getName());
        command.add(dir.resolve("results-" + n + ".jsonl").toString());
        command.add(dir.resolve("junit-" + n).toString());
        command.add(api.label());
        command.addAll(labs);
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run-" + n + ".log").toFile())
                .start();
    }

    /** The options of every grading JVM (and of the run that records their classes). */
    private List<String> jvmOptions() {
        return List.of("-Xmx2g", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", // a test run is short: C2's compile threads cost more than they give
                "@" + catalog.root().resolve(".mvn/spark-jvm.options"), // Spark's module options
                "-D" + Repository.PROPERTY + "=" + catalog.root().toAbsolutePath()); // tests that read datasets/
    }

    /** A parameterized test runs several times; it counts as passed only if every run passed. */
    private static Outcome worse(Outcome before, Outcome now) {
        boolean beforeIsPlaceholderOrPass = before.status() == Outcome.Status.NOT_RUN
                || before.status() == Outcome.Status.PASSED;
        return beforeIsPlaceholderOrPass ? now : before;
    }

    private static void fill(Map<String, Outcome> outcomes, List<SuiteIndex.Entry> tests, Outcome.Status status, String message) {
        for (SuiteIndex.Entry t : tests) {
            outcomes.put(t.key(), new Outcome(t.lab(), t.api(), t.test(), status, message, 0));
        }
    }

    static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Tells the person at the terminal what is going on during a long run. */
    interface ProgressListener {
        void lab(Submission submission, LabCatalog.Lab lab, String state);

        void note(Submission submission, String text);
    }
}
