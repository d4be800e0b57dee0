package streamlab.support.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.support.Api;

/** The two layouts of a row, on fixed blocks. */
class LayoutTest {

    private static final long SLOT = java.time.LocalDateTime.of(2026, 11, 22, 10, 15, 4)
            .atZone(java.time.ZoneId.systemDefault())
            .toInstant()
            .toEpochMilli();

    private static Placed dstream(String... lines) {
        return new Placed(
                new Block(Api.DSTREAM, "job", SLOT, null, "", List.of(lines), SLOT + 200),
                SLOT,
                "DStream batch 10:15:04");
    }

    private static Placed structured(String... lines) {
        return new Placed(
                new Block(Api.STRUCTURED, "run", null, 3L, "", List.of(lines), SLOT + 900),
                SLOT,
                "Structured micro-batch 3, began 10:15:04.006");
    }

    @Test
    void columns_put_the_dstream_left_and_the_structured_table_right_each_in_half_the_width() {
        Row row = new Row(
                SLOT,
                List.of(dstream("(hello,3)", "(world,2)")),
                List.of(structured(
                        "+-----+-----+", "|word |count|", "+-----+-----+", "|hello|3    |", "+-----+-----+")),
                false);
        List<String> lines = new ColumnLayout(103).render(row);
        assertThat(lines.get(0)).startsWith("==== 10:15:04 ====").hasSize(103);
        String between = ColumnLayout.BETWEEN;
        assertThat(lines.subList(1, lines.size()))
                .containsExactly(
                        pad("DStream batch 10:15:04") + between + "Structured micro-batch 3, began 10:15:04.006",
                        pad("(hello,3)") + between + "+-----+-----+",
                        pad("(world,2)") + between + "|word |count|",
                        pad("") + between + "+-----+-----+",
                        pad("") + between + "|hello|3    |",
                        pad("") + between + "+-----+-----+");
    }

    private static String pad(String text) {
        return text + " ".repeat(50 - text.length());
    }

    @Test
    void a_line_too_long_for_its_column_goes_on_in_the_next_line_and_an_empty_side_says_so() {
        Row row = new Row(SLOT, List.of(dstream("x".repeat(120))), List.of(), false);
        List<String> lines = new ColumnLayout(103).render(row);
        assertThat(lines)
                .containsExactly(
                        lines.get(0),
                        pad("DStream batch 10:15:04") + " | Structured: no micro-batch for this time",
                        "x".repeat(50) + " |",
                        "x".repeat(50) + " |",
                        pad("x".repeat(20)) + " |");
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(103));
    }

    @Test
    void a_long_line_is_cut_after_a_word_and_a_listener_line_joins_its_micro_batch_under_one_label() {
        Placed table = structured("|a|");
        Placed report = new Placed(
                new Block(
                        Api.STRUCTURED,
                        OutputThreads.QUERY_LISTENERS,
                        null,
                        null,
                        "",
                        List.of(
                                "== micro-batch 3: 23 rows read, no watermark yet (no event seen), 20 rows in the state"),
                        SLOT + 950),
                SLOT,
                table.label());
        List<String> right = new ColumnLayout(103)
                .render(new Row(SLOT, List.of(dstream("(a,1)")), List.of(table, report), false)).stream()
                        .skip(1)
                        .map(line -> line.substring(53))
                        .toList();
        assertThat(right)
                .containsExactly(
                        "Structured micro-batch 3, began 10:15:04.006",
                        "|a|",
                        "== micro-batch 3: 23 rows read, no watermark yet",
                        "(no event seen), 20 rows in the state");
    }

    @Test
    void blocks_follow_each_other_under_labels_and_a_late_row_points_at_the_earlier_one() {
        Row row = new Row(SLOT, List.of(dstream()), List.of(structured("|a|")), false);
        assertThat(new BlockLayout(40, true).render(row))
                .containsExactly(
                        "==== 10:15:04 " + "=".repeat(40 - 14),
                        "-- DStream batch 10:15:04",
                        "(no rows)",
                        "-- Structured micro-batch 3, began 10:15:04.006",
                        "|a|");
        Row late = new Row(SLOT, List.of(), List.of(structured("|b|")), true);
        assertThat(new BlockLayout(40, true).render(late))
                .containsExactly(
                        "==== 10:15:04 (came after the row of its time) ====",
                        "-- (see the row of 10:15:04 above)",
                        "-- Structured micro-batch 3, began 10:15:04.006",
                        "|b|");
        assertThat(new BlockLayout(40, false).render(new Row(SLOT, List.of(), List.of(structured("|c|")), false)))
                .as("one API: no word about the other")
                .containsExactly(
                        "==== 10:15:04 " + "=".repeat(40 - 14),
                        "-- Structured micro-batch 3, began 10:15:04.006",
                        "|c|");
    }

    @Test
    void two_columns_from_100_columns_on() {
        assertThat(RowLayout.forWidth(99, true)).isInstanceOf(BlockLayout.class);
        assertThat(RowLayout.forWidth(100, true)).isInstanceOf(ColumnLayout.class);
        assertThat(RowLayout.forWidth(200, false)).isInstanceOf(BlockLayout.class);
        assertThat(TerminalWidth.parse(" 160 ")).isEqualTo(160);
        assertThat(TerminalWidth.parse("wide")).isNull();
        assertThat(TerminalWidth.parse("5")).isNull();
    }
}
