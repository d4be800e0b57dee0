package streamlab.support.view;

import java.util.ArrayList;
import java.util.List;

/** How a row is written on a terminal: {@link ColumnLayout} or {@link BlockLayout}. */
public interface RowLayout {

    /** The lines of one row, without line breaks. */
    List<String> render(Row row);

    /** Which layout fits a terminal {@code width} columns wide: columns from {@link ColumnLayout#MIN_WIDTH} on. */
    static RowLayout forWidth(int width, boolean columns) {
        return columns && width >= ColumnLayout.MIN_WIDTH ? new ColumnLayout(width) : new BlockLayout(width, true);
    }

    /** The heading of a row: its time across the whole width, e.g. {@code ==== 10:15:04 ====...}. */
    static String heading(Row row, int width) {
        String title =
                "==== " + Labels.clock(row.slot()) + (row.late() ? " (came after the row of its time)" : "") + " ";
        return title + "=".repeat(Math.max(4, width - title.length()));
    }

    /** What an empty side says: {@code nothing}, or in a late row that the side is in the row shown before. */
    static String nothing(Row row, String nothing) {
        return row.late() ? "(see the row of " + Labels.clock(row.slot()) + " above)" : nothing;
    }

    /** One side of a row: each block under its label, or a line that says nothing came. */
    static List<String> side(List<Placed> blocks, String nothing) {
        List<String> lines = new ArrayList<>();
        if (blocks.isEmpty()) {
            lines.add(nothing);
        }
        String label = null;
        for (Placed placed : blocks) {
            if (!placed.label().equals(label)) { // a listener's lines after its micro-batch's table: one label
                if (!lines.isEmpty()) {
                    lines.add("");
                }
                lines.add(placed.label());
            }
            label = placed.label();
            lines.addAll(
                    placed.block().lines().isEmpty()
                            ? List.of("(no rows)")
                            : placed.block().lines());
        }
        return lines;
    }
}
