package streamlab.support.view;

/**
 * A block with its place on the time line.
 *
 * @param block the block
 * @param slot  the batch time its row stands for (epoch milliseconds): a DStream block's batch time, or
 *              for a micro-batch the last DStream batch time at or before the micro-batch began
 * @param label what the view writes above it, e.g. {@code DStream batch 10:15:04}
 */
public record Placed(Block block, long slot, String label) {}
