package streamlab.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamlab.support.view.BlockLayout;
import streamlab.support.view.ColumnLayout;

/**
 * The screen of a program run with {@code --api both}, as a user sees it: a real process, with a real
 * Spark, replaying a small file through the built-in line server, its standard output captured.
 */
class SideBySideScreenTest {

    /** Of one length: the console sink pads shorter values. */
    private static final List<String> TEXT = List.of("alpha gamma", "delta omega", "alpha sigma");

    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    private static List<String> screen(Path dir, int columns) throws IOException, InterruptedException {
        Path text = dir.resolve("text.txt");
        Files.write(text, TEXT);
        try (LabProcess lab = LabProcess.start(
                EchoLab.class,
                Map.of("COLUMNS", String.valueOf(columns)),
                "--api",
                "both",
                "--replay",
                text.toString(),
                "--rate",
                "50",
                "--port",
                "0",
                "--batch",
                "1",
                "--seconds",
                "6")) {
            assertThat(lab.awaitExit(RUN_LIMIT)).as(lab.errors()).contains(0);
            return lab.lines();
        }
    }

    /** The screen from the first row on, up to the end of the run. */
    private static List<String> rows(List<String> screen) {
        int first = 0;
        while (first < screen.size() && !screen.get(first).startsWith("==== ")) {
            first++;
        }
        assertThat(first).as("a row on the screen: %s", screen).isLessThan(screen.size());
        return screen.subList(first, screen.indexOf("== stopped."));
    }

    @Test
    void on_a_wide_terminal_the_dstream_is_on_the_left_the_structured_table_on_the_right_and_nothing_comes_between(
            @TempDir Path dir) throws IOException, InterruptedException {
        List<String> screen = screen(dir, 160);
        assertThat(screen)
                .contains("== each batch time in one row: DStream on the left, Structured on the right"
                        + " (--view web shows them in a browser)");
        int column = (160 - ColumnLayout.BETWEEN.length()) / 2;
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        boolean pairedRow = false;
        for (String line : rows(screen)) {
            if (line.startsWith("==== ") || line.startsWith("== ")) {
                continue; // a row's heading, or the program's own line between rows
            }
            String between =
                    line.length() >= column + 2 ? line.substring(column, Math.min(line.length(), column + 3)) : "";
            assertThat(between)
                    .as("every line of a row is in two columns: %s", String.join("\n", screen))
                    .isIn(ColumnLayout.BETWEEN, ColumnLayout.BETWEEN.stripTrailing());
            assertThat(line).hasSizeLessThanOrEqualTo(160);
            left.append(line, 0, column).append('\n');
            right.append(line.length() > column + 3 ? line.substring(column + 3) : "")
                    .append('\n');
            pairedRow |= line.startsWith("DStream batch ")
                    && line.substring(column).startsWith(" | Structured micro-batch ");
        }
        assertThat(pairedRow)
                .as("a DStream batch and a micro-batch side by side in one row:\n%s", String.join("\n", screen))
                .isTrue();
        for (String line : TEXT) {
            assertThat(left).as("the DStream print() on the left").contains("\n" + line + " ");
            assertThat(right).as("the console sink's table on the right").contains("|" + line + "|");
            assertThat(left).doesNotContain("|" + line + "|");
            assertThat(right).doesNotContain("\n" + line + " ");
        }
        assertThat(screen)
                .noneMatch(line -> line.startsWith("Time: ")
                        || line.startsWith("Batch: ")
                        || line.equals("-------------------------------------------"));
    }

    @Test
    void on_a_narrow_terminal_each_api_has_its_own_labelled_block(@TempDir Path dir)
            throws IOException, InterruptedException {
        List<String> screen = screen(dir, 80);
        assertThat(screen)
                .anyMatch(line -> line.startsWith("== each batch time in one row: the DStream output, then the"
                        + " Structured output (the terminal is 80 columns wide"));
        List<String> rows = rows(screen);
        String dstreamBlocks = blocksUnder(rows, BlockLayout.LABEL + "DStream batch ");
        String structuredBlocks = blocksUnder(rows, BlockLayout.LABEL + "Structured micro-batch ");
        for (String line : TEXT) {
            assertThat(dstreamBlocks).contains("\n" + line + "\n");
            assertThat(structuredBlocks).contains("|" + line + "|").doesNotContain("\n" + line + "\n");
        }
        assertThat(screen).noneMatch(line -> line.startsWith("Time: ") || line.startsWith("Batch: "));
    }

    /** The lines under each label that starts with {@code label}, up to the next label or row. */
    private static String blocksUnder(List<String> rows, String label) {
        StringBuilder under = new StringBuilder("\n");
        boolean in = false;
        for (String line : rows) {
            if (line.startsWith(BlockLayout.LABEL) || line.startsWith("==")) {
                in = line.startsWith(label);
            } else if (in) {
                under.append(line).append('\n');
            }
        }
        return under.toString();
    }
}
