package streamlab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles one lab's sources with the JDK's own compiler, and says in a few lines why it could not. */
final class LabCompiler {

    /** The outcome: ok, or the first errors as "File.java:12: message", and the files that have errors. */
    record Result(boolean ok, String errors, Set<Path> failedFiles) {}

    private static final int SHOWN_ERRORS = 5;

    private final JavaCompiler javac;

    LabCompiler() {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new GradingException("Grading needs a JDK (javac), but this Java is only a runtime: "
                    + System.getProperty("java.home") + ". Set JAVA_HOME to a JDK 17.");
        }
    }

    /** Compiles every .java file under the given folders (those that exist) together. */
    Result compile(List<Path> sourceRoots, String classpath, Path outDir) {
        List<Path> sources = new ArrayList<>();
        for (Path root : sourceRoots) {
            if (Files.isDirectory(root)) {
                sources.addAll(javaFiles(root));
            }
        }
        if (sources.isEmpty()) {
            return new Result(false, "no .java files under " + sourceRoots.get(0), Set.of());
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "-d",
                    outDir.toString(),
                    "-cp",
                    classpath,
                    "--release",
                    "17",
                    "-proc:none",
                    "-encoding",
                    "UTF-8",
                    "-nowarn",
                    "-Xlint:none");
            boolean ok = javac.getTask(
                            null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
            return new Result(ok, ok ? "" : summary(diagnostics), ok ? Set.of() : failedFiles(diagnostics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return new Result(false, "the compiler failed: " + e, Set.of());
        }
    }

    private static Set<Path> failedFiles(DiagnosticCollector<JavaFileObject> diagnostics) {
        Set<Path> files = new HashSet<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
                files.add(Path.of(d.getSource().toUri()).toAbsolutePath().normalize());
            }
        }
        return files;
    }

    private static String summary(DiagnosticCollector<JavaFileObject> diagnostics) {
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null
                        ? ""
                        : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
                errors.add(file + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            }
        }
        String shown = errors.stream().limit(SHOWN_ERRORS).collect(Collectors.joining("\n"));
        return errors.size() > SHOWN_ERRORS
                ? shown + "\n(and " + (errors.size() - SHOWN_ERRORS) + " more errors)"
                : shown;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
