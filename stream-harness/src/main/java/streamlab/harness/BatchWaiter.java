package streamlab.harness;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.apache.spark.streaming.scheduler.StreamingListenerOutputOperationCompleted;

/** Lets a test wait, without sleeping, until Spark has finished a given number of batches. */
final class BatchWaiter implements StreamingListener {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int completed;
    private volatile String failure;

    @Override
    public void onBatchCompleted(StreamingListenerBatchCompleted batchCompleted) {
        lock.lock();
        try {
            completed++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onOutputOperationCompleted(StreamingListenerOutputOperationCompleted done) {
        if (done.outputOperationInfo().failureReason().isDefined() && failure == null) {
            failure = done.outputOperationInfo().failureReason().get();
        }
    }

    /** Waits until {@code n} batches have completed; false if the deadline passed first. */
    boolean awaitBatches(int n, long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        lock.lock();
        try {
            while (completed < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    String failure() {
        return failure;
    }
}
