package streamlab.lab06;

import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import streamlab.support.MissingSolutionException;

/** After each DStream batch: your batchLine, the DStream's counterpart of ProgressPrinter. */
final class BatchLinePrinter implements StreamingListener {
    private volatile boolean missing;

    @Override
    public void onBatchCompleted(StreamingListenerBatchCompleted batchCompleted) {
        try {
            System.out.println("== " + RateTriggersDStream.batchLine(batchCompleted.batchInfo()));
        } catch (RuntimeException e) {
            if (MissingSolutionException.messageOf(e) == null) {
                throw e;
            }
            if (!missing) {
                missing = true;
                System.err.println("== no batch lines: " + MissingSolutionException.messageOf(e));
            }
        }
    }
}
