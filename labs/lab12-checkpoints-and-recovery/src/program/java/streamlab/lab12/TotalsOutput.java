package streamlab.lab12;

import java.io.Serializable;
import java.util.Map;

/**
 * Where a DStream program's totals go after each batch: the lab program prints them, the tests keep
 * them. It is part of the DStream graph, so it is saved in the checkpoint with the graph and comes back
 * with it after a restart: it must be {@link Serializable}, and hold nothing a new driver would not have.
 */
@FunctionalInterface
public interface TotalsOutput extends Serializable {

    /** Called on the driver once a batch has run: the batch's time and every device's total so far. */
    void batchDone(long batchTimeMs, Map<String, Long> totals);
}
