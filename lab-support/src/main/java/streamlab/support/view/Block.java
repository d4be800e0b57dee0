package streamlab.support.view;

import java.util.List;
import streamlab.support.Api;

/**
 * One piece of one API's output: what a DStream {@code print()} writes for a batch, or a console sink for a
 * micro-batch, without Spark's header lines.
 *
 * @param api       which API printed it
 * @param source    the thread (or query) that printed it: blocks of one source come in order
 * @param time      the DStream batch time in the header ({@code Time: 1700000000000 ms}), or null
 * @param batch     the micro-batch number in the header ({@code Batch: 3}), or null
 * @param note      what the header line said after the time or number (often nothing)
 * @param lines     the lines under the header
 * @param arrivedAt when its first line was printed (epoch milliseconds)
 */
public record Block(Api api, String source, Long time, Long batch, String note, List<String> lines, long arrivedAt) {

    public Block {
        lines = List.copyOf(lines);
    }
}
