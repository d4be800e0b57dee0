package streamlab.support;

import java.util.Locale;

/**
 * How a lab program shows its output ({@code --view}). With {@code --api both} the DStream part and the
 * Structured part print at the same time; these views keep the two apart.
 */
public enum View {
    /** DStream left, Structured right, one row per batch time (blocks on a terminal too narrow for two columns). */
    COLUMNS,
    /** Each batch time's DStream output, then its Structured output, each under a label. */
    BLOCKS,
    /** A live page in the browser (input lines, both APIs side by side, a timeline of windows); rows on the terminal too. */
    WEB,
    /** As Spark prints it: both APIs' output mixed on one terminal. */
    PLAIN;

    /** The name used on the command line: {@code columns}, {@code blocks}, {@code web}, {@code plain}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
