package streamlab.grading;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One lab of a submission compiled for grading: the student's code with the lab's program and given
 * helpers from this repository, then the repository's graded tests against it.
 *
 * @param lab        the lab
 * @param classpath  its two class folders (student's classes, graded tests), when both compiled
 * @param errors     why it could not be graded (empty when it compiled)
 */
record LabBuild(LabCatalog.Lab lab, String classpath, String errors) {

    boolean ok() {
        return errors.isEmpty();
    }

    /**
     * Compiles {@code labs} of a submission, the student's {@code sources} of each: all of them in one run
     * of the compiler first (one run costs about what two labs compiled on their own do), and when it
     * complains, the labs whose files it names one by one, for their own messages, and the others
     * together again. A lab that does not compile costs only that lab.
     */
    static List<LabBuild> all(
            LabCompiler compiler,
            String baseClasspath,
            Path dir,
            List<LabCatalog.Lab> labs,
            Map<String, Path> sources) {
        List<LabBuild> builds = new ArrayList<>();
        List<LabCatalog.Lab> left = new ArrayList<>(labs);
        for (int attempt = 1; !left.isEmpty(); attempt++) {
            Path classes = dir.resolve("classes/labs-" + attempt);
            List<Path> roots = new ArrayList<>();
            for (LabCatalog.Lab lab : left) {
                roots.addAll(List.of(sources.get(lab.number()), lab.program(), lab.tests()));
            }
            LabCompiler.Result together = compiler.compile(roots, baseClasspath, classes);
            if (together.ok()) {
                left.forEach(lab -> builds.add(new LabBuild(lab, classes.toString(), "")));
                break;
            }
            List<LabCatalog.Lab> named = left.stream()
                    .filter(lab -> Stream.of(sources.get(lab.number()), lab.program(), lab.tests())
                            .anyMatch(root -> together.failedFiles().stream()
                                    .anyMatch(f ->
                                            f.startsWith(root.toAbsolutePath().normalize()))))
                    .toList();
            List<LabCatalog.Lab> alone = named.isEmpty() ? List.copyOf(left) : named;
            for (LabCatalog.Lab lab : alone) {
                builds.add(of(compiler, baseClasspath, dir, lab, sources.get(lab.number())));
            }
            left.removeAll(alone);
        }
        return builds;
    }

    /** Compiles {@code lab} from the student's {@code sources} into {@code dir}/classes and {@code dir}/test-classes. */
    static LabBuild of(LabCompiler compiler, String baseClasspath, Path dir, LabCatalog.Lab lab, Path sources) {
        Path classes = dir.resolve("classes/lab" + lab.number());
        LabCompiler.Result main = compiler.compile(List.of(sources, lab.program()), baseClasspath, classes);
        if (!main.ok()) {
            return new LabBuild(lab, "", main.errors());
        }
        Path testClasses = dir.resolve("test-classes/lab" + lab.number());
        LabCompiler.Result graded =
                compiler.compile(List.of(lab.tests()), baseClasspath + File.pathSeparator + classes, testClasses);
        if (!graded.ok()) {
            return new LabBuild(
                    lab,
                    "",
                    "the graded tests do not compile against this lab (was a class or a method"
                            + " signature changed?):\n" + graded.errors());
        }
        return new LabBuild(lab, classes + File.pathSeparator + testClasses, "");
    }
}
