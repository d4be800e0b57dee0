package streamlab.grading;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import streamlab.support.Api;

/**
 * Grades one submission: compiles its labs (a lab that does not compile costs only that lab) with the
 * repository's graded tests against them, and runs those tests in fresh JVMs whose classpath holds the
 * student's classes and never the reference solutions.
 */
final class SubmissionGrader {

    /** What grading one submission gave. */
    record Graded(Submission submission, List<TestResult> outcomes, Duration took, Path reportDir) {}

    private final LabCatalog catalog;
    private final Path outRoot;
    private final Duration testTimeout;
    private final Duration submissionTimeout;
    private final int jvms;
    private final LabCompiler compiler = new LabCompiler();
    private final String baseClasspath;
    private final SuiteIndex index;
    private final ClassDataArchive classData;
    private final LabTimes times;

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
        this.times = new LabTimes(catalog.root().resolve("grading-out/.index/lab-seconds.properties"));
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
    Graded grade(
            Submission submission,
            List<LabCatalog.Lab> labs,
            Api api,
            Set<String> onlyTests,
            ProgressListener progress) {
        long start = System.nanoTime();
        Path dir = outRoot.resolve(safeName(submission.name()));
        ScratchFolders.delete(dir);
        Map<String, TestResult> outcomes = new LinkedHashMap<>();
        Map<String, Path> sources = new LinkedHashMap<>();
        for (LabCatalog.Lab lab : labs) {
            List<SuiteIndex.Entry> tests = index.of(lab, api);
            if (tests.isEmpty()) {
                continue;
            }
            Optional<Path> labSources = submission.sources(lab);
            if (labSources.isEmpty()) {
                fill(
                        outcomes,
                        tests,
                        TestResult.Status.MISSING,
                        "no " + lab.dirName() + "/src/main/java in this submission");
                progress.lab(submission, lab, "missing");
                continue;
            }
            fill(outcomes, tests, TestResult.Status.NOT_RUN, "the grading JVM stopped before this test ran");
            sources.put(lab.number(), labSources.get());
        }
        if (!sources.isEmpty()) {
            List<LabBuild> failed = new ArrayList<>();
            for (TestResult o : runJvms(dir, sources, api, onlyTests, failed, progress, submission)) {
                outcomes.merge(o.key(), o, SubmissionGrader::worse);
            }
            for (LabBuild build : failed) {
                fill(outcomes, index.of(build.lab(), api), TestResult.Status.DOES_NOT_COMPILE, build.errors());
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Graded(submission, new ArrayList<>(outcomes.values()), took, dir);
    }

    /**
     * Compiles the labs in {@code sources} ({@link LabBuild#all}: a lab that does not compile costs only
     * that lab, and goes into {@code failed}), then runs the graded tests of those that compiled in up to
     * {@code jvms} JVMs at once: they take the labs one at a time, the longest first, whichever is free.
     * A Kafka broker that some lab's tests need starts while the compiler runs ({@link GradingBroker}).
     * Merges what the JVMs report into results.jsonl and run.log.
     */
    private List<TestResult> runJvms(
            Path dir,
            Map<String, Path> sources,
            Api api,
            Set<String> onlyTests,
            List<LabBuild> failed,
            ProgressListener progress,
            Submission submission) {
        List<LabCatalog.Lab> order = times.longestFirst(catalog.select(List.copyOf(sources.keySet())), api, index);
        List<Process> processes = new ArrayList<>();
        try (GradingBroker broker = GradingBroker.startIfNeeded(order, onlyTests, dir)) {
            GradingJvm jvm = new GradingJvm(
                    catalog.root(),
                    testTimeout,
                    api,
                    onlyTests,
                    classData.forJvm(
                            GradingJvm.options(catalog.root()),
                            baseClasspath,
                            text -> progress.note(submission, text)));
            Set<String> classpath = new LinkedHashSet<>(List.of(baseClasspath));
            Map<String, LabBuild> built = new HashMap<>();
            for (LabBuild build : LabBuild.all(compiler, baseClasspath, dir, order, sources)) {
                built.put(build.lab().number(), build);
            }
            if (MachineSize.small()) {
                // the compiler's garbage is most of this JVM's heap: give it back before the grading JVMs start
                System.gc();
            }
            for (String number : sources.keySet()) {
                LabBuild build = built.get(number);
                progress.lab(submission, build.lab(), build.ok() ? "compiled" : "does not compile");
            }
            List<String> compiled = new ArrayList<>();
            for (LabCatalog.Lab lab : order) {
                LabBuild build = built.get(lab.number());
                if (build.ok()) {
                    classpath.add(build.classpath());
                    compiled.add(lab.number());
                } else {
                    failed.add(build);
                }
            }
            int count = Math.min(jvms, compiled.size());
            for (int n = 1; n <= count; n++) {
                processes.add(jvm.start(
                        dir, n, String.join(File.pathSeparator, classpath), compiled, count > 1, broker.jvmOptions()));
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
            JvmFiles.concatenate(count, i -> dir.resolve("run-" + i + ".log"), log);
            Path results = dir.resolve("results.jsonl");
            JvmFiles.concatenate(count, i -> dir.resolve("results-" + i + ".jsonl"), results);
            JvmFiles.gatherReports(count, i -> dir.resolve("junit-" + i), dir.resolve("junit"));
            if (stopped) {
                progress.note(
                        submission,
                        "stopped after " + submissionTimeout.toMinutes()
                                + " min; the tests that had not finished count as not run (see " + log + ")");
            }
            for (int i = 0; i < processes.size(); i++) {
                Process process = processes.get(i);
                if (!stopped
                        && process.exitValue() != 0
                        && !Files.exists(dir.resolve("results-" + (i + 1) + ".jsonl"))) {
                    throw new GradingException("The grading JVM could not run the tests (exit " + process.exitValue()
                            + "): "
                            + Files.readAllLines(log).stream()
                                    .filter(l -> !l.isBlank() && !l.startsWith("=="))
                                    .findFirst()
                                    .orElse("")
                            + " (see " + log + ")");
                }
            }
            List<TestResult> outcomes = TestResult.readAll(results);
            if (onlyTests.isEmpty() && !stopped) {
                times.learn(outcomes);
            }
            return outcomes;
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

    /** A parameterized test runs several times; it counts as passed only if every run passed. */
    private static TestResult worse(TestResult before, TestResult now) {
        boolean beforeIsPlaceholderOrPass =
                before.status() == TestResult.Status.NOT_RUN || before.status() == TestResult.Status.PASSED;
        return beforeIsPlaceholderOrPass ? now : before;
    }

    private static void fill(
            Map<String, TestResult> outcomes, List<SuiteIndex.Entry> tests, TestResult.Status status, String message) {
        for (SuiteIndex.Entry t : tests) {
            outcomes.put(t.key(), new TestResult(t.lab(), t.api(), t.test(), status, message, 0));
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
