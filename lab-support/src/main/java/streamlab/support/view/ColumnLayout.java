package streamlab.support.view;

import java.util.ArrayList;
import java.util.List;

/**
 * A row in two columns: the DStream output on the left, the Structured output on the right, each line
 * that is too long for its column wrapped onto the next.
 * <pre>
 * ==== 10:15:04 =================================================================
 * DStream batch 10:15:04             | Structured micro-batch 3, began 10:15:04.006
 * (hello,3)                          | +-----+-----+
 * (world,2)                          | |word |count|
 * </pre>
 */
public final class ColumnLayout implements RowLayout {

    /** The narrowest terminal that gets two columns. */
    public static final int MIN_WIDTH = 100;
    /** What stands between the two columns. */
    public static final String BETWEEN = " | ";

    private final int width;
    private final int column;

    public ColumnLayout(int width) {
        this.width = width;
        this.column = (width - BETWEEN.length()) / 2;
    }

    @Override
    public List<String> render(Row row) {
        List<String> left =
                wrap(RowLayout.side(row.dstream(), RowLayout.nothing(row, "DStream: nothing printed for this time")));
        List<String> right = wrap(
                RowLayout.side(row.structured(), RowLayout.nothing(row, "Structured: no micro-batch for this time")));
        List<String> out = new ArrayList<>();
        out.add(RowLayout.heading(row, width));
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? left.get(i) : "";
            String r = i < right.size() ? right.get(i) : "";
            out.add((l + " ".repeat(column - l.length()) + BETWEEN + r).stripTrailing());
        }
        return out;
    }

    /** The column's lines, a long line cut into pieces of the column's width (after a space where one is near). */
    private List<String> wrap(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String rest = line.replace('\t', ' ');
            while (rest.length() > column) {
                int cut = rest.lastIndexOf(' ', column);
                cut = cut > column / 2 ? cut + 1 : column;
                out.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut);
            }
            out.add(rest);
        }
        return out;
    }
}
