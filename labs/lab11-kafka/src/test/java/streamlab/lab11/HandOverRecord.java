package streamlab.lab11;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.spark.SparkConf;
import org.apache.spark.storage.StreamBlockId;
import org.apache.spark.streaming.receiver.BlockGenerator;
import org.apache.spark.streaming.receiver.BlockGeneratorListener;
import org.apache.spark.streaming.receiver.Receiver;
import org.apache.spark.streaming.receiver.ReceiverSupervisor;
import scala.Option;
import scala.collection.Iterator;
import scala.collection.mutable.ArrayBuffer;
import streamlab.support.MissingSolutionException;

/**
 * Given test code: runs a receiver in this thread's JVM the way an executor runs it, and records how it
 * hands its values to Spark, and what its Kafka group had committed at each hand-over.
 *
 * <p>An executor gives a receiver a supervisor; {@code store(...)} calls the supervisor. Storing many
 * values at once ({@code store(iterator)}, {@code store(ArrayBuffer)}) returns once Spark holds them as a
 * block (written to the block manager, and to the write-ahead log when it is on); {@code store(value)}
 * only adds the value to a buffer that becomes a block later. So a receiver that commits what it read
 * must commit only values handed over by a call of the first kind, and only after that call: otherwise a
 * receiver that stops (or whose executor dies) at the wrong moment has told Kafka it has values Spark
 * never got. This supervisor checks exactly that, with the committed offsets read from the broker at
 * every hand-over and once more after the receiver has stopped.
 */
final class HandOverRecord extends ReceiverSupervisor {

    private final Admin admin;
    private final String group;
    private final List<String> held = new ArrayList<>();
    private final List<String> buffered = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();
    private Throwable error;

    HandOverRecord(Receiver<?> receiver, String bootstrapServers, String group) {
        super(receiver, new SparkConf(false));
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
        // an unfilled TODO thrown in the receiver's own thread, which nobody else would see
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> noteError(e));
    }

    /** Waits (at most {@code within}) until {@code n} values were handed over, something went wrong, or the receiver failed. */
    synchronized void awaitHandedOver(int n, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (handedOver() < n && problems.isEmpty() && !MissingSolutionException.isMissingSolution(error)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** How many values the receiver has handed over so far, by either kind of call. */
    synchronized int handedOver() {
        return held.size() + buffered.size();
    }

    /** What went wrong so far, in the order it happened (empty when nothing did). */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** The receiver's calls of store(...), in order, for a failure message. */
    synchronized String calls() {
        return String.join("; ", calls);
    }

    /** An unfilled TODO that the receiver reported through restart(...), thrown here as the skeleton does. */
    synchronized void failIfNotImplemented() {
        if (error != null && MissingSolutionException.isMissingSolution(error)) {
            throw error instanceof RuntimeException e ? e : new IllegalStateException(error);
        }
    }

    /** After the receiver has stopped: every committed offset must be of a value Spark holds. */
    synchronized void checkAfterStop() {
        long committed = committed();
        if (committed > held.size()) {
            problems.add("after the receiver stopped, Kafka has offsets committed for " + committed
                    + " values, but only " + held.size() + " were handed to Spark by a store(...) of many values"
                    + " (which returns once Spark holds them); " + buffered.size() + " went one by one with"
                    + " store(value), which only buffers a value: a receiver that stops now has lost them");
        }
    }

    /** How many values of the topic the group has committed (the sum of its offsets). */
    long committed() {
        try {
            Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            return offsets.values().stream()
                    .filter(o -> o != null)
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read group " + group + "'s offsets", e.getCause());
        }
    }

    void close() {
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        admin.close(Duration.ofSeconds(5));
    }

    private synchronized void noteError(Throwable e) {
        error = e;
        notifyAll();
    }

    private synchronized void handOver(List<String> values, boolean blocking) {
        long committed = committed();
        calls.add((blocking ? "store(" + values.size() + " values)" : "store(value)") + " " + values + " with "
                + committed + " committed");
        if (committed > held.size()) {
            problems.add("when the receiver called "
                    + (blocking ? "store(...) with " + values : "store(" + values.get(0) + ")")
                    + ", Kafka already had offsets committed for " + committed + " values, but Spark held only "
                    + held.size() + ": the offsets were committed before Spark had the values");
        }
        (blocking ? held : buffered).addAll(values);
        notifyAll();
    }

    @Override
    public void pushSingle(Object value) {
        handOver(List.of(String.valueOf(value)), false);
    }

    @Override
    public void pushIterator(Iterator<Object> values, Option<Object> metadata, Option<StreamBlockId> blockId) {
        List<String> all = new ArrayList<>();
        while (values.hasNext()) {
            all.add(String.valueOf(values.next()));
        }
        handOver(all, true);
    }

    @Override
    public void pushArrayBuffer(ArrayBuffer<?> values, Option<Object> metadata, Option<StreamBlockId> blockId) {
        List<String> all = new ArrayList<>();
        values.foreach(value -> all.add(String.valueOf(value)));
        handOver(all, true);
    }

    @Override
    public void pushBytes(ByteBuffer bytes, Option<Object> metadata, Option<StreamBlockId> blockId) {
        handOver(List.of("(" + bytes.remaining() + " bytes)"), true);
    }

    @Override
    public BlockGenerator createBlockGenerator(BlockGeneratorListener listener) {
        throw new UnsupportedOperationException("not used by a receiver");
    }

    @Override
    public void reportError(String message, Throwable e) {
        noteError(e);
    }

    @Override
    public void restartReceiver(String message, Option<Throwable> e, int delay) {
        if (e.isDefined()) {
            noteError(e.get());
        }
        super.restartReceiver(message, e, delay);
    }

    @Override
    public void onStop(String message, Option<Throwable> e) {
        // a receiver whose onStart() throws is stopped with that error
        if (e.isDefined()) {
            noteError(e.get());
        }
    }

    @Override
    public boolean onReceiverStart() {
        return true;
    }
}
