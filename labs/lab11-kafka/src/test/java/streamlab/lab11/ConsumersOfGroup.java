package streamlab.lab11;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.management.InstanceNotFoundException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MalformedObjectNameException;
import javax.management.NotificationListener;
import javax.management.ObjectName;

/**
 * Given test code: how many Kafka consumers of a group are open in this JVM (the receivers run here, in
 * local mode). A KafkaConsumer registers a JMX bean {@code kafka.consumer:type=app-info,id=CLIENT_ID} when
 * it is made and removes it when it is closed; a consumer of group G has the client id
 * {@code consumer-G-N} unless it is given another.
 */
final class ConsumersOfGroup implements AutoCloseable {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName pattern;
    private final Semaphore changes = new Semaphore(0);
    private final NotificationListener listener = (notification, handback) -> changes.release();

    private ConsumersOfGroup(String group) throws MalformedObjectNameException, InstanceNotFoundException {
        pattern = new ObjectName("kafka.consumer:type=app-info,id=consumer-" + group + "-*");
        server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener, null, null);
    }

    static ConsumersOfGroup watch(String group) throws MalformedObjectNameException, InstanceNotFoundException {
        return new ConsumersOfGroup(group);
    }

    /** How many consumers of the group are open now. */
    int open() {
        return server.queryNames(pattern, null).size();
    }

    /** Waits (at most {@code within}) until no consumer of the group is open; returns how many still are. */
    int awaitNoneOpen(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (open() > 0) {
            long left = deadline - System.nanoTime();
            // woken by every bean registered or removed in the JVM
            if (left <= 0 || !changes.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
        }
        return open();
    }

    @Override
    public void close() throws InstanceNotFoundException, ListenerNotFoundException {
        server.removeNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener);
    }
}
