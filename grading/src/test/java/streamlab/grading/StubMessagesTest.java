package streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A skeleton's stub does not give its answer away: the message of every {@code MissingSolutionException}
 * in {@code labs/*}{@code /src/main} names the exercise and where its hints are, and holds no code (no
 * call {@code name(}, no {@code ::}, no {@code ->}). {@code ./lab} and the grader print that message when
 * an exercise is missing, so code in it would be the answer printed for the student to copy.
 */
class StubMessagesTest {

    private static final Path ROOT = LabCatalog.find(Path.of("")).root();
    private static final String NEW = "new MissingSolutionException(";
    private static final Pattern CODE = Pattern.compile("\\w\\(|::|->");
    private static final Pattern LAB_DIR = Pattern.compile("lab(\\d\\d)-[a-z0-9-]+");

    /** One stub: where it is, its message (the string literals joined), and any code that builds it. */
    record Stub(String where, String lab, String labDir, String message, String code) {}

    static List<Stub> stubs(Path root) throws IOException {
        List<Stub> stubs = new ArrayList<>();
        List<Path> labDirs;
        try (Stream<Path> dirs = Files.list(root.resolve("labs"))) {
            labDirs = dirs.filter(
                            d -> LAB_DIR.matcher(d.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
        for (Path labDir : labDirs) {
            Matcher name = LAB_DIR.matcher(labDir.getFileName().toString());
            name.matches();
            Path main = labDir.resolve("src/main");
            if (!Files.isDirectory(main)) {
                continue;
            }
            List<Path> sources;
            try (Stream<Path> walk = Files.walk(main)) {
                sources = walk.filter(p -> p.toString().endsWith(".java"))
                        .sorted()
                        .toList();
            }
            for (Path source : sources) {
                String text = Files.readString(source);
                for (int at = text.indexOf(NEW); at >= 0; at = text.indexOf(NEW, at + NEW.length())) {
                    int line = (int) text.substring(0, at)
                                    .chars()
                                    .filter(c -> c == '\n')
                                    .count()
                            + 1;
                    String where = root.relativize(source) + ":" + line;
                    stubs.add(read(
                            text,
                            at + NEW.length(),
                            where,
                            name.group(1),
                            labDir.getFileName().toString()));
                }
            }
        }
        return stubs;
    }

    /** The argument from {@code from} to its closing parenthesis: string literals apart from the rest. */
    private static Stub read(String text, int from, String where, String lab, String labDir) {
        StringBuilder message = new StringBuilder();
        StringBuilder code = new StringBuilder();
        int depth = 1;
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        message.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        message.append(text.charAt(i++));
                    }
                }
                i++;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                break;
            }
            if (c != '+' && !Character.isWhitespace(c)) {
                code.append(c);
            }
            i++;
        }
        return new Stub(where, lab, labDir, message.toString(), code.toString());
    }

    @TempDir
    Path pristine;

    @Test
    void no_stub_message_holds_code_and_each_names_its_exercise_and_its_hints() throws IOException {
        // the skeletons students start from, as recorded: the working copy's labs/ may hold their answers
        assertThat(new PristineLabs(ROOT).writeTo(pristine.resolve("labs")))
                .as("skeletons git could not give")
                .isEmpty();
        List<Stub> stubs = stubs(pristine);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Stub stub : stubs) {
            checked++;
            if (!stub.code().isEmpty()) {
                problems.add(stub.where() + ": the message is built by code, not written out: " + stub.code());
            }
            Matcher code = CODE.matcher(stub.message());
            if (code.find()) {
                problems.add(stub.where() + ": the message holds code (\"" + code.group() + "\"): " + stub.message());
            }
            if (!stub.message().matches("Lab " + stub.lab() + ", \\w+\\.\\w+: .*")) {
                problems.add(stub.where() + ": the message does not begin with \"Lab " + stub.lab()
                        + ", Class.exercise: \": " + stub.message());
            }
            String readme = "labs/" + stub.labDir() + "/README.md";
            if (!stub.message().contains(readme + ", section Hints")) {
                problems.add(stub.where() + ": the message does not say where the hints are (" + readme
                        + ", section Hints): " + stub.message());
            }
        }
        assertThat(problems).as("stub messages").isEmpty();
        assertThat(checked).as("stubs checked").isPositive();
    }

    @Test
    void the_check_finds_code_in_a_message() {
        String source = "class X { void f() { throw new MissingSolutionException(\"Lab 01, X.f: the hints\"\n"
                + " + \" lines.flatMap(Tokens::split)\"); } }";
        Stub stub = read(source, source.indexOf(NEW) + NEW.length(), "X.java:1", "01", "lab01-x");
        assertThat(stub.message()).isEqualTo("Lab 01, X.f: the hints lines.flatMap(Tokens::split)");
        assertThat(stub.code()).isEmpty();
        assertThat(CODE.matcher(stub.message()).find()).isTrue();

        String built = "throw new MissingSolutionException(\"Lab 01, X.f: use \" + Tokens.class.getSimpleName());";
        Stub computed = read(built, built.indexOf(NEW) + NEW.length(), "X.java:1", "01", "lab01-x");
        assertThat(computed.code()).isEqualTo("Tokens.class.getSimpleName()");
    }
}
