package streamlab.harness;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.JobGenerator;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.apache.spark.streaming.scheduler.StreamingListenerOutputOperationCompleted;

/**
 * Lets a test wait, without sleeping, until Spark has finished a given number of batches of one
 * StreamingContext, and turns a failed or stuck batch into the test's failure.
 */
final class BatchWaiter implements StreamingListener {

    /** How long one batch may take before the test gives up: student code may block. */
    static final long BATCH_WAIT_SECONDS = 60;

    private final JavaStreamingContext ssc;
    private final String title;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int completed;
    private volatile String failure;
    /** What stopped the context or its job generator (a batch whose jobs could not even be made), or null. */
    private Throwable contextError;

    private boolean contextEnded;
    private Thread watcher;

    private BatchWaiter(JavaStreamingContext ssc, String title) {
        this.ssc = ssc;
        this.title = title;
    }

    /** A waiter listening to {@code ssc} (register it before the context starts). */
    static BatchWaiter on(JavaStreamingContext ssc, String title) {
        BatchWaiter waiter = new BatchWaiter(ssc, title);
        ssc.addStreamingListener(waiter);
        return waiter;
    }

    /**
     * Spark reports a batch as completed only once its jobs were made and have run. An exercise whose code
     * throws while Spark makes a batch's jobs on the driver (a {@code transform} function that calls
     * {@code first()} on an empty batch, say) never gets that far: Spark reports the error to the context
     * and the batch never completes. A thread of this waiter waits for that (or the context's stop) and
     * wakes the test at once.
     */
    private void watchTheContext() {
        watcher = new Thread(
                () -> {
                    Throwable error = null;
                    try {
                        ssc.awaitTermination();
                    } catch (Throwable e) {
                        error = e;
                    }
                    lock.lock();
                    try {
                        contextError = error;
                        contextEnded = true;
                        changed.signalAll();
                    } finally {
                        lock.unlock();
                    }
                },
                "batch-waiter-" + title);
        watcher.setDaemon(true);
        watcher.start();
    }

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

    /**
     * Waits until {@code n} batches of this context have completed. A batch that failed is rethrown as
     * Spark recorded it (the exercise's own exception); one that never ends fails the test.
     */
    void await(int n, String what) {
        if (watcher == null) {
            watchTheContext();
        }
        if (!awaitCount(n)) {
            Throwable error = contextError;
            if (error != null) {
                if (error instanceof RuntimeException re) {
                    throw re;
                }
                if (error instanceof Error err) {
                    throw err;
                }
                throw new RuntimeException(error.getMessage(), error);
            }
            if (contextEnded) {
                throw new AssertionError(title + ": the streaming context stopped before " + what + " finished.");
            }
            throw new AssertionError(title + ": " + what + " did not finish within " + BATCH_WAIT_SECONDS
                    + " s. Does the exercise block, or wait for something?");
        }
        if (failure != null) {
            try {
                ssc.awaitTerminationOrTimeout(1); // throws the batch's exception, as Spark recorded it
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            throw new AssertionError(title + ": " + what + " failed: " + failure);
        }
    }

    /**
     * Waits until Spark has wholly finished batch time {@code timeMs}: after the batch's jobs, the
     * JobGenerator writes a checkpoint that records it as done and then marks it processed. Without this
     * wait the next batch could start before that checkpoint, and which batches a recovered context runs
     * again would depend on thread timing. (A bounded wait for a condition, as Spark's own tests do.)
     */
    void awaitCheckpointed(long timeMs, String what) {
        JobGenerator generator = ssc.ssc().scheduler().jobGenerator();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BATCH_WAIT_SECONDS);
        while (true) {
            Time done = generator.lastProcessedBatch();
            if (done != null && done.milliseconds() >= timeMs) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(title + ": the checkpoint of " + what + " was not written within "
                        + BATCH_WAIT_SECONDS + " s.");
            }
            try {
                if (ssc.awaitTerminationOrTimeout(2)) {
                    throw new AssertionError(title + ": the streaming context stopped during " + what);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(title + ": interrupted while waiting for " + what, e);
            }
        }
    }

    private boolean awaitCount(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BATCH_WAIT_SECONDS);
        lock.lock();
        try {
            while (completed < n && !contextEnded) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return completed >= n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
