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

/**
 * The READMEs point at files and lines a student can open: every relative link leads to a file, and a
 * link to a line ({@code Lab01.java#L63}) leads to the code its text shows.
 */
class ReadmeLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");
    private static final Path ROOT = LabCatalog.find(Path.of("")).root();

    private static List<Path> documents() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !ROOT.relativize(p).toString().contains("target"))
                    .filter(p -> !ROOT.relativize(p).startsWith("grading-out"))
                    .toList();
        }
    }

    @Test
    void every_relative_link_leads_to_a_file_and_every_line_link_to_its_code() throws IOException {
        List<String> broken = new ArrayList<>();
        int lineLinks = 0;
        for (Path doc : documents()) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(2);
                if (target.startsWith("http") || target.startsWith("#") || target.startsWith("mailto:")) {
                    continue;
                }
                String[] parts = target.split("#", 2);
                Path file = doc.getParent().resolve(parts[0]).normalize();
                String where = ROOT.relativize(doc) + ": " + m.group(0);
                if (!Files.exists(file)) {
                    broken.add(where + " (no such file)");
                    continue;
                }
                if (parts.length == 2 && parts[1].matches("L\\d+")) {
                    lineLinks++;
                    String problem = codeAt(file, Integer.parseInt(parts[1].substring(1)), m.group(1));
                    if (problem != null) {
                        broken.add(where + " (" + problem + ")");
                    }
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
        assertThat(lineLinks).as("links to program lines").isPositive();
    }

    /**
     * Null when the code of the link ends on that line (it may begin up to two lines before, for a call
     * split over lines), whitespace aside; "…" in the link stands for left-out arguments.
     */
    private static String codeAt(Path file, int line, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (line < 1 || line > lines.size()) {
            return "the file has " + lines.size() + " lines";
        }
        String window =
                String.join("", lines.subList(Math.max(0, line - 3), line)).replaceAll("\\s", "");
        int lineStart =
                window.length() - lines.get(line - 1).replaceAll("\\s", "").length();
        int from = 0;
        int end = -1;
        for (String piece : text.replace("`", "").split("…")) {
            String code = piece.replaceAll("\\s", "");
            if (code.isEmpty()) {
                continue;
            }
            int at = window.indexOf(code, from);
            if (at < 0) {
                return "line " + line + " is \"" + lines.get(line - 1).strip() + "\"";
            }
            from = at + code.length();
            end = from;
        }
        return end > lineStart ? null : "the code ends before line " + line;
    }
}
