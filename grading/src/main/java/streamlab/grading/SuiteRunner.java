package streamlab.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import streamlab.harness.LabTest;
import streamlab.support.Api;
import streamlab.support.MissingSolutionException;

/**
 * Runs inside the grading JVM of one submission: the graded tests of the given labs, through the JUnit
 * Platform, writing one JSON line per test to the results file as soon as the test ends (so a JVM that
 * has to be stopped still leaves the results it had) and JUnit XML reports beside it.
 *
 * <p>Arguments: {@code RESULTS_FILE XML_DIR dstream|structured|both CLAIMS_DIR|- LAB...}. With a claims
 * folder, several grading JVMs share the labs: each runs a lab only if it is the first to claim it there
 * (by making the file {@code labNN}), so the labs go, in the order given, to whichever JVM is free.
 */
public final class SuiteRunner {

    /** A system property: only the graded tests with these keys ({@code lab01.dstream.a_test,...}). */
    static final String ONLY_PROPERTY = "streamlab.only";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 6000;

    private SuiteRunner() {}

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Path xmlDir = Path.of(args[1]);
        Api api = Api.of(args[2]);
        Path claims = args[3].equals("-") ? null : Path.of(args[3]);
        List<String> labs = List.of(args).subList(4, args.length);
        Files.createDirectories(xmlDir);

        try (BufferedWriter out = Files.newBufferedWriter(
                results, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            Launcher launcher = LauncherFactory.create();
            for (String lab : labs) {
                if (claims != null && !claim(claims, lab)) {
                    continue; // another grading JVM runs this lab
                }
                LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectPackage("streamlab.lab" + lab))
                        .filters(
                                TagFilter.includeTags("graded"),
                                onlyApi(api),
                                onlyNamed(System.getProperty(ONLY_PROPERTY, "")))
                        .build();
                launcher.execute(
                        discovery,
                        new ResultWriter(out),
                        new LegacyXmlReportGeneratingListener(xmlDir, new PrintWriter(System.err)));
                Path report = xmlDir.resolve("TEST-junit-jupiter.xml");
                if (Files.exists(report)) {
                    Files.move(report, xmlDir.resolve("TEST-lab" + lab + ".xml"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        System.exit(0); // the shared Spark's non-daemon threads must not keep this JVM alive
    }

    /** Takes {@code lab} for this JVM, unless another grading JVM of the submission took it first. */
    private static boolean claim(Path claims, String lab) throws IOException {
        try {
            Files.createDirectories(claims);
            Files.createFile(claims.resolve("lab" + lab));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static PostDiscoveryFilter onlyApi(Api api) {
        return descriptor -> {
            Optional<LabTest> labTest = labTestOf(descriptor.getSource().orElse(null));
            boolean keep = labTest.map(t -> api.includes(t.api())).orElse(true);
            return FilterResult.includedIf(keep, () -> "API " + api.label(), () -> "not API " + api.label());
        };
    }

    private static PostDiscoveryFilter onlyNamed(String keys) {
        java.util.Set<String> only = java.util.Set.of(keys.split(","));
        return descriptor -> {
            if (keys.isEmpty() || !(descriptor.getSource().orElse(null) instanceof MethodSource m)) {
                return FilterResult.included("every test");
            }
            Optional<LabTest> labTest = labTestOf(m);
            String key = labTest.map(t -> "lab" + t.lab() + "." + t.api().label() + "." + m.getMethodName())
                    .orElse("");
            return FilterResult.includedIf(only.contains(key), () -> "named", () -> "not named");
        };
    }

    private static Optional<LabTest> labTestOf(Object source) {
        Class<?> type = null;
        if (source instanceof MethodSource m) {
            type = m.getJavaClass();
        } else if (source instanceof ClassSource c) {
            type = c.getJavaClass();
        }
        return type == null ? Optional.empty() : Optional.ofNullable(type.getAnnotation(LabTest.class));
    }

    /** Writes one line per finished (or never started) test. */
    private static final class ResultWriter implements TestExecutionListener {
        private final BufferedWriter out;
        private final Map<String, Long> started = new ConcurrentHashMap<>();
        private TestPlan plan;

        ResultWriter(BufferedWriter out) {
            this.out = out;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            started.put(id.getUniqueId(), System.nanoTime());
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            for (TestIdentifier test : testsUnder(id)) {
                write(test, TestResult.Status.NOT_RUN, "skipped: " + reason, 0);
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Long start = started.remove(id.getUniqueId());
            double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
            if (id.isTest()) {
                write(id, status(result), message(result), seconds);
            } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                // A class that could not even start (its set-up failed): its tests never ran.
                for (TestIdentifier test : testsUnder(id)) {
                    if (!started.containsKey(test.getUniqueId())) {
                        write(test, status(result), "the test class failed before this test: " + message(result), 0);
                    }
                }
            }
        }

        private List<TestIdentifier> testsUnder(TestIdentifier id) {
            List<TestIdentifier> tests = new ArrayList<>();
            if (id.isTest()) {
                tests.add(id);
            } else if (plan != null) {
                for (TestIdentifier child : plan.getDescendants(id)) {
                    if (child.isTest()) {
                        tests.add(child);
                    }
                }
            }
            return tests;
        }

        private synchronized void write(TestIdentifier id, TestResult.Status status, String message, double seconds) {
            Object source = id.getSource().orElse(null);
            LabTest labTest = labTestOf(source).orElse(null);
            String test = source instanceof MethodSource m ? m.getMethodName() : id.getDisplayName();
            TestResult outcome = new TestResult(
                    labTest == null ? "??" : labTest.lab(),
                    labTest == null ? "??" : labTest.api().label(),
                    test,
                    status,
                    message,
                    seconds);
            try {
                out.write(JSON.writeValueAsString(outcome));
                out.newLine();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static TestResult.Status status(TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                return TestResult.Status.PASSED;
            }
            Throwable t = result.getThrowable().orElse(null);
            if (t != null && MissingSolutionException.isMissingSolution(t)) {
                return TestResult.Status.NOT_IMPLEMENTED;
            }
            return result.getStatus() == TestExecutionResult.Status.ABORTED
                    ? TestResult.Status.NOT_RUN
                    : TestResult.Status.FAILED;
        }

        private static String message(TestExecutionResult result) {
            Throwable t = result.getThrowable().orElse(null);
            if (t == null) {
                return "";
            }
            String missing = MissingSolutionException.messageOf(t);
            if (missing != null) {
                return missing;
            }
            if (t instanceof TimeoutException) {
                return "time limit exceeded: " + t.getMessage() + " (does the exercise block or loop forever?)";
            }
            String text = t.getMessage() == null
                    ? t.toString()
                    : (t instanceof AssertionError ? "" : t.getClass().getSimpleName() + ": ") + t.getMessage();
            return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "\n... (cut)" : text;
        }
    }
}
