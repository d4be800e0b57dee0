package streamlab.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import streamlab.harness.LabTest;
import streamlab.support.Api;

/**
 * The graded tests of each lab, as JUnit finds them in the repository's own build of the lab (its
 * skeleton, program and tests, compiled once and kept under {@code grading-out/.index}): so a lab that is
 * missing from a submission, or does not compile, still gets a row per test on the scoreboard (with zero
 * points), and the maximum is the same for every student.
 */
final class SuiteIndex {

    /** One graded test. */
    record Entry(String lab, String api, String test) {
        String key() {
            return "lab" + lab + "." + api + "." + test;
        }
    }

    private final LabCatalog catalog;
    private final LabCompiler compiler;
    private final String classpath;
    private final Map<String, List<Entry>> byLab = new LinkedHashMap<>();

    SuiteIndex(LabCatalog catalog, LabCompiler compiler, String classpath) {
        this.catalog = catalog;
        this.compiler = compiler;
        this.classpath = classpath;
    }

    /** The graded tests of {@code lab} that a choice of {@code api} includes. */
    List<Entry> of(LabCatalog.Lab lab, Api api) {
        return byLab.computeIfAbsent(lab.number(), n -> discover(lab)).stream()
                .filter(e -> api.includes(Api.of(e.api())))
                .toList();
    }

    /**
     * How long the graded tests of a lab (found already by {@link #of}) take, roughly: a DStream test
     * counts 1, a test that runs a Structured query 3 (its planning costs more than a batch on the
     * manual clock).
     */
    int weight(String labNumber, Api api) {
        return byLab.getOrDefault(labNumber, List.of()).stream()
                .filter(e -> api.includes(Api.of(e.api())))
                .mapToInt(e -> e.api().equals(Api.DSTREAM.label()) ? 1 : 3)
                .sum();
    }

    private List<Entry> discover(LabCatalog.Lab lab) {
        Path dir = catalog.root().resolve("grading-out/.index").resolve(lab.dirName() + "-" + fingerprint(lab));
        Path classes = dir.resolve("classes");
        Path testClasses = dir.resolve("test-classes");
        if (!Files.isDirectory(testClasses)) {
            ScratchFolders.delete(dir);
            compileOrFail(List.of(lab.skeleton(), lab.program()), classpath, classes, lab);
            compileOrFail(List.of(lab.tests()), classpath + File.pathSeparator + classes, testClasses, lab);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader(urls(testClasses, classes), SuiteIndex.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            TestPlan plan = LauncherFactory.create()
                    .discover(LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectClasspathRoots(Set.of(testClasses)))
                            .filters(TagFilter.includeTags("graded"))
                            .build());
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier id : plan.getDescendants(root)) {
                    if (id.getSource().orElse(null) instanceof MethodSource m) {
                        LabTest labTest = m.getJavaClass().getAnnotation(LabTest.class);
                        if (labTest != null) {
                            Entry e = new Entry(labTest.lab(), labTest.api().label(), m.getMethodName());
                            entries.putIfAbsent(e.key(), e);
                        }
                    }
                }
            }
            return List.copyOf(entries.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private void compileOrFail(List<Path> sources, String cp, Path out, LabCatalog.Lab lab) {
        LabCompiler.Result result = compiler.compile(sources, cp, out);
        if (!result.ok()) {
            throw new GradingException("The repository's own " + lab.dirName() + " does not compile, so its graded"
                    + " tests cannot be listed:\n" + result.errors());
        }
    }

    /** A hash of the lab's sources: the index is made again when any of them changes. */
    private static String fingerprint(LabCatalog.Lab lab) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path root : List.of(lab.skeleton(), lab.program(), lab.tests())) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(root.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(f));
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL[] urls(Path... dirs) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (Path d : dirs) {
            urls.add(d.toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
