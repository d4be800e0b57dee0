package streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command a code block of README.md gives a newcomer is run by CI: {@code .ci/run} holds it as
 * {@code readme '<command>'} (with options of its own after it, to shorten a stream), or as a line of its
 * own. A command added to the README without its line in {@code .ci/run} fails here, so CI cannot stop
 * running what the README tells people to type. Blocks fenced as {@code ```text} show output, not commands.
 */
class ReadmeCommandsTest {

    private static final Path ROOT = LabCatalog.find(Path.of("")).root();

    /** The commands of the README's code blocks, without their trailing comments. */
    static List<String> commands(List<String> readme) {
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        boolean commandBlock = false;
        for (String line : readme) {
            String fence = line.strip();
            if (fence.startsWith("```")) {
                inBlock = !inBlock;
                String info = fence.substring(3).strip();
                commandBlock =
                        inBlock && (info.isEmpty() || info.equals("bash") || info.equals("sh") || info.equals("shell"));
                continue;
            }
            if (!inBlock || !commandBlock) {
                continue;
            }
            String command = line.replaceFirst("\\s+#.*$", "").strip();
            if (!command.isEmpty() && !command.startsWith("#")) {
                commands.add(command);
            }
        }
        return commands;
    }

    @Test
    void reads_the_commands_of_code_blocks_and_leaves_out_comments_and_output() {
        List<String> readme = List.of(
                "text",
                "```",
                "./demo            # the demo",
                "",
                "./mvnw verify",
                "```",
                "```text",
                "expected   (hello, 3)",
                "```",
                "   ```",
                "   ./check 03    # lab 03",
                "   ```");
        assertThat(commands(readme)).containsExactly("./demo", "./mvnw verify", "./check 03");
    }

    @Test
    void ci_runs_every_command_of_the_readme() throws IOException {
        List<String> commands = commands(Files.readAllLines(ROOT.resolve("README.md")));
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .map(String::strip)
                .toList();
        List<String> notRun = commands.stream()
                .filter(c -> ci.stream().noneMatch(l -> l.contains("readme '" + c + "'") || l.equals(c)))
                .toList();
        assertThat(commands).as("commands in README.md's code blocks").contains("./demo", "./mvnw verify");
        assertThat(notRun)
                .as("commands of README.md's code blocks that .ci/run does not run (add a line"
                        + " `readme '<command>'` there, with a check of what it prints)")
                .isEmpty();
    }
}
