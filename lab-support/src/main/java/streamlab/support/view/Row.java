package streamlab.support.view;

import java.util.List;

/**
 * What a view shows for one batch time: the DStream blocks on the left, the Structured blocks on the right.
 *
 * @param slot       the batch time (epoch milliseconds)
 * @param dstream    the DStream blocks of that time (often one; one per {@code print()} of the program)
 * @param structured the Structured blocks of that time (one per query that ran a micro-batch then)
 * @param late       whether a row of the same time was shown before (a block that came after it)
 */
public record Row(long slot, List<Placed> dstream, List<Placed> structured, boolean late) {

    public Row {
        dstream = List.copyOf(dstream);
        structured = List.copyOf(structured);
    }
}
