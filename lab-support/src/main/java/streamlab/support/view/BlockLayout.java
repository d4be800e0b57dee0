package streamlab.support.view;

import java.util.ArrayList;
import java.util.List;

/**
 * A row as blocks one after the other, for a narrow terminal: the DStream output, then the Structured
 * output, each under its label.
 * <pre>
 * ==== 10:15:04 ==============================
 * -- DStream batch 10:15:04
 * (hello,3)
 * -- Structured micro-batch 3, began 10:15:04.006
 * +-----+-----+
 * </pre>
 */
public final class BlockLayout implements RowLayout {

    /** What starts a label line. */
    public static final String LABEL = "-- ";

    private final int width;
    private final boolean bothApis;

    /** @param bothApis whether both APIs run: else an empty side is left out, not announced */
    public BlockLayout(int width, boolean bothApis) {
        this.width = width;
        this.bothApis = bothApis;
    }

    @Override
    public List<String> render(Row row) {
        List<String> out = new ArrayList<>();
        out.add(RowLayout.heading(row, width));
        add(out, row.dstream(), RowLayout.nothing(row, "DStream: nothing printed for this time"));
        add(out, row.structured(), RowLayout.nothing(row, "Structured: no micro-batch for this time"));
        return out;
    }

    private void add(List<String> out, List<Placed> blocks, String nothing) {
        if (blocks.isEmpty() && bothApis) {
            out.add(LABEL + nothing);
        }
        String label = null;
        for (Placed placed : blocks) {
            if (!placed.label().equals(label)) {
                out.add(LABEL + placed.label());
            }
            label = placed.label();
            out.addAll(
                    placed.block().lines().isEmpty()
                            ? List.of("(no rows)")
                            : placed.block().lines());
        }
    }
}
