package streamlab.netcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineSourceTest {

    private static List<TimedLine> take(LineSource source, int n) throws IOException {
        List<TimedLine> lines = new ArrayList<>();
        TimedLine line;
        while (lines.size() < n && (line = source.next()) != null) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void durationsReadTheUsualUnits() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("0.5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("0s")).isZero();
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(Durations.format(Duration.ofMillis(300))).isEqualTo("300ms");
    }

    @Test
    void badDurationsSayHowToWriteThem() {
        for (String bad : List.of("2", "fast", "-1s", "1.s", "2 s s", "")) {
            assertThatThrownBy(() -> Durations.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("bad duration")
                    .hasMessageContaining("e.g. 500ms, 0.5s, 2s or 1m");
        }
    }

    @Test
    void rangesAreInclusiveAndChecked() {
        assertThat(IntRange.parse("0..10")).isEqualTo(new IntRange(0, 10));
        assertThat(IntRange.parse("-5..5")).isEqualTo(new IntRange(-5, 5));
        assertThatThrownBy(() -> IntRange.parse("10..0"))
                .hasMessage("bad range '10..0': LO must not be above HI, e.g. 0..10");
        assertThatThrownBy(() -> IntRange.parse("0-10")).hasMessageStartingWith("bad range '0-10': write LO..HI");
        assertThatThrownBy(() -> IntRange.parse("0..99999999999")).hasMessageContaining("fit in an int");
    }

    @Test
    void fileReplayAtARateSpacesLinesEvenlyAndLoops(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data.txt");
        Files.writeString(file, "a\nb\n");
        try (LineSource source = LineSource.file(file, 5, true)) {
            List<TimedLine> lines = take(source, 5);
            assertThat(lines).extracting(TimedLine::text).containsExactly("a", "b", "a", "b", "a");
            assertThat(lines)
                    .extracting(TimedLine::delay)
                    .containsExactly(
                            Duration.ZERO,
                            Duration.ofMillis(200),
                            Duration.ofMillis(200),
                            Duration.ofMillis(200),
                            Duration.ofMillis(200));
        }
    }

    @Test
    void fileReplayEndsAtTheEndWithoutLoopAndAnEmptyFileEndsEvenWithLoop(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data.txt");
        Files.writeString(file, "only\n");
        try (LineSource source = LineSource.file(file, 0, false)) {
            assertThat(take(source, 10)).containsExactly(TimedLine.now("only"));
        }
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        try (LineSource source = LineSource.file(empty, 0, true)) {
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void aMissingFileOrABadRateIsRefusedAtOnce(@TempDir Path dir) {
        assertThatThrownBy(() -> LineSource.file(dir.resolve("nope.txt"), 0, false))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> LineSource.file(dir, 0, false)).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> LineSource.file(dir.resolve("x"), -1, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad rate");
    }

    @Test
    void randomIntsStayInTheRangeComeAtTheIntervalAndRepeatWithASeed() throws IOException {
        IntRange range = new IntRange(0, 10);
        List<TimedLine> first = take(LineSource.randomInts(range, Duration.ofSeconds(2), 42), 1000);
        List<TimedLine> again = take(LineSource.randomInts(range, Duration.ofSeconds(2), 42), 1000);
        assertThat(first).isEqualTo(again);
        assertThat(first)
                .extracting(l -> Integer.parseInt(l.text()))
                .allMatch(v -> v >= 0 && v <= 10)
                .contains(0, 10);
        assertThat(first.get(0).delay()).isZero();
        assertThat(first.subList(1, 1000)).extracting(TimedLine::delay).containsOnly(Duration.ofSeconds(2));
        assertThat(take(LineSource.randomInts(new IntRange(7, 7), Duration.ofSeconds(1)), 3))
                .extracting(TimedLine::text)
                .containsExactly("7", "7", "7");
    }

    @Test
    void scriptsGiveTimedLinesAndSkipCommentsAndBlankLines() throws IOException {
        List<TimedLine> lines = Script.parse(
                "demo",
                List.of(
                        "# a demo",
                        "",
                        "+0s first",
                        "  +0.5s hello world  ",
                        "+2s late event # not a comment",
                        "+500ms\ttabbed"));
        assertThat(lines)
                .containsExactly(
                        new TimedLine(Duration.ZERO, "first"),
                        new TimedLine(Duration.ofMillis(500), "hello world"),
                        new TimedLine(Duration.ofSeconds(2), "late event # not a comment"),
                        new TimedLine(Duration.ofMillis(500), "tabbed"));
    }

    @Test
    void aBadScriptLineIsReportedWithItsNumber() {
        assertThatThrownBy(() -> Script.parse("demo.script", List.of("# ok", "+1s fine", "", "hello")))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("bad line 4 in script demo.script: 'hello' does not start with '+'")
                .satisfies(e -> assertThat(((ScriptException) e).lineNumber()).isEqualTo(4));
        assertThatThrownBy(() -> Script.parse("s", List.of("+2 seconds later")))
                .hasMessageStartingWith("bad line 1 in script s: bad duration '2'");
        assertThatThrownBy(() -> Script.parse("s", List.of("+1s ok", "+1s")))
                .hasMessageStartingWith("bad line 2 in script s: no text after '+1s'");
        assertThatThrownBy(() -> Script.parse("s", List.of("+ text")))
                .hasMessageStartingWith("bad line 1 in script s: no duration after '+'");
    }

    @Test
    void aScriptFileCanLoop(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s.script"), "+1s a\n+2s b\n");
        try (LineSource source = LineSource.script(file, true)) {
            assertThat(take(source, 4)).extracting(TimedLine::text).containsExactly("a", "b", "a", "b");
        }
    }

    @Test
    void standardInputGivesLinesAsTheyCome() throws IOException {
        try (LineSource source = LineSource.reader(new StringReader("one\ntwo\r\nthree"))) {
            assertThat(take(source, 10)).extracting(TimedLine::text).containsExactly("one", "two", "three");
        }
    }

    @Test
    void theShippedExampleScriptIsValid() throws IOException {
        Path example = Path.of("examples/late-events.script");
        assertThat(Script.read(example)).isNotEmpty();
    }
}
