package streamlab.lab01;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.receiver.Receiver;
import org.apache.spark.util.ManualClock;

/**
 * A DStream with one receiver, on the master given as the argument ({@code local[1]} or {@code local[2]}):
 * the receiver stores three lines, one batch is due, and the program prints whether the batch counted them
 * while the receiver ran, or only once the receiver had stopped and given its core back. Run in a JVM of its
 * own by {@link ReceiverCoresTest} (a JVM holds one SparkContext).
 *
 * <p>No waiting on the clock: the batches run on Spark's ManualClock, and each step waits for the event
 * that the one before it causes (the lines stored, the batch's job submitted, the lines counted).
 */
public final class ReceiverOnCores {

    static final List<String> LINES = List.of("to be", "or not", "to be");

    /** Set while a receiver is running (in local mode the receiver runs in this JVM). */
    static final AtomicBoolean RECEIVING = new AtomicBoolean();

    static final CountDownLatch STORED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    private ReceiverOnCores() {}

    public static void main(String[] args) throws Exception {
        String master = args[0];
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName("one receiver on " + master)
                .set("spark.ui.enabled", "false")
                .set("spark.streaming.clock", "org.apache.spark.util.ManualClock");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1));
        ssc.sparkContext().setLogLevel("ERROR");
        CountDownLatch batchJobSubmitted = new CountDownLatch(1);
        ssc.sparkContext().sc().addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart job) { // a batch's job carries its batch time
                if (job.properties() != null
                        && job.properties().getProperty("spark.streaming.internal.batchTime") != null) {
                    batchJobSubmitted.countDown();
                }
            }
        });
        CountDownLatch counted = new CountDownLatch(1);
        ssc.receiverStream(new ThreeLines()).foreachRDD(rdd -> {
            long lines = rdd.count();
            if (lines > 0) {
                System.out.println(master + ": " + lines + " lines counted "
                        + (RECEIVING.get() ? "while the receiver runs" : "only after the receiver stopped"));
                counted.countDown();
            }
        });
        ssc.start();
        STORED.await(); // the lines are in a block that the receiver tracker knows of
        ((ManualClock) ssc.ssc().scheduler().clock()).advance(1000); // the first batch takes that block
        batchJobSubmitted.await();
        System.out.println(master + ": the receiver stored " + LINES.size() + " lines; their batch's job is submitted");
        if (!master.equals("local[1]")) {
            counted.await();
        }
        RELEASE.countDown(); // the receiver stops itself: its task ends and its core is free
        counted.await();
        ssc.stop(true, false);
    }

    /** Stores the three lines once, as one block, then runs until {@link #RELEASE}. */
    static final class ThreeLines extends Receiver<String> {
        ThreeLines() {
            super(StorageLevel.MEMORY_ONLY());
        }

        @Override
        public void onStart() {
            if (STORED.getCount() == 0) {
                return; // restarted by Spark after the release: nothing more to store
            }
            RECEIVING.set(true);
            store(LINES.iterator()); // one block, reported to the tracker before store returns
            STORED.countDown();
            Thread stopper = new Thread(
                    () -> {
                        try {
                            RELEASE.await();
                            stop("released");
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "release-the-core");
            stopper.setDaemon(true);
            stopper.start();
        }

        @Override
        public void onStop() {
            RECEIVING.set(false);
        }
    }
}
