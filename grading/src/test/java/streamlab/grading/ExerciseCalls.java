package streamlab.grading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Which methods a lab's graded tests may reach, read from the sources of its tests and of its reference
 * solution with the JDK's own parser: every method a test names (called or referenced, {@code X::m}),
 * followed through the methods those name in turn. Names only, so it errs on the side of "reaches": two
 * methods of one name count as one, and what a file names outside any method counts for all its methods.
 */
final class ExerciseCalls {

    private static final String OUTSIDE_METHODS = "<outside methods>";

    private final Map<String, Set<String>> names = new HashMap<>();

    private ExerciseCalls() {}

    /** The calls in every .java file under these folders. */
    static ExerciseCalls in(List<Path> folders) {
        ExerciseCalls calls = new ExerciseCalls();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            for (Path folder : folders) {
                List<Path> sources;
                try (Stream<Path> walk = Files.walk(folder)) {
                    sources = walk.filter(p -> p.toString().endsWith(".java"))
                            .sorted()
                            .toList();
                }
                JavacTask task = (JavacTask) javac.getTask(
                        null,
                        files,
                        diagnostic -> {},
                        List.of("-proc:none"),
                        null,
                        files.getJavaFileObjectsFromPaths(sources));
                for (CompilationUnitTree unit : task.parse()) {
                    calls.read(unit);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calls;
    }

    private void read(CompilationUnitTree unit) {
        Map<String, Set<String>> inFile = new HashMap<>();
        new TreeScanner<Void, String>() {
            @Override
            public Void visitMethod(MethodTree method, String enclosing) {
                // a method of a class inside a method (an anonymous class) counts as part of that method;
                // what runs before or after each test counts for every method
                boolean aroundTests = method.getModifiers().getAnnotations().stream()
                        .anyMatch(a -> a.getAnnotationType().toString().matches("(.*\\.)?(Before|After)(Each|All)"));
                String key = enclosing != null
                        ? enclosing
                        : aroundTests ? OUTSIDE_METHODS : method.getName().toString();
                return super.visitMethod(method, key);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, String method) {
                String name = null;
                if (call.getMethodSelect() instanceof IdentifierTree id) {
                    name = id.getName().toString();
                } else if (call.getMethodSelect() instanceof MemberSelectTree select) {
                    name = select.getIdentifier().toString();
                }
                if (name != null) {
                    inFile.computeIfAbsent(method == null ? OUTSIDE_METHODS : method, m -> new HashSet<>())
                            .add(name);
                }
                return super.visitMethodInvocation(call, method);
            }

            @Override
            public Void visitMemberReference(MemberReferenceTree reference, String method) {
                inFile.computeIfAbsent(method == null ? OUTSIDE_METHODS : method, m -> new HashSet<>())
                        .add(reference.getName().toString());
                return super.visitMemberReference(reference, method);
            }
        }.scan(unit, null);
        Set<String> everywhere = inFile.getOrDefault(OUTSIDE_METHODS, Set.of());
        inFile.forEach((method, named) -> {
            Set<String> all = names.computeIfAbsent(method, m -> new HashSet<>());
            all.addAll(named);
            all.addAll(everywhere);
        });
    }

    /** Every method name reachable from this one (itself included). */
    Set<String> reachable(String method) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(method));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(names.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }
}
