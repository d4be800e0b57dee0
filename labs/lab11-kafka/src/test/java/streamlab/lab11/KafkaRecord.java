package streamlab.lab11;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;

/**
 * Given test code: one Kafka record as the Kafka source hands it to a query (a JavaBean, for a memory
 * stream with the Kafka source's columns). Key and value are bytes, UTF-8 text here; either may be null.
 */
public final class KafkaRecord implements Serializable {

    private byte[] key;
    private byte[] value;
    private String topic;
    private int partition;
    private long offset;
    private Timestamp timestamp;
    private int timestampType;

    public KafkaRecord() {}

    /** A record of {@code topic}, partition {@code partition}, at {@code offset}; key may be null. */
    public static KafkaRecord of(String topic, int partition, long offset, String key, String value) {
        KafkaRecord r = new KafkaRecord();
        r.key = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        r.value = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        r.topic = topic;
        r.partition = partition;
        r.offset = offset;
        r.timestamp = new Timestamp(1_000L * offset);
        r.timestampType = 0; // CreateTime
        return r;
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset + " key=" + text(key) + " value=" + text(value);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : "\"" + new String(bytes, StandardCharsets.UTF_8) + "\"";
    }

    public byte[] getKey() {
        return key;
    }

    public void setKey(byte[] key) {
        this.key = key;
    }

    public byte[] getValue() {
        return value;
    }

    public void setValue(byte[] value) {
        this.value = value;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public int getPartition() {
        return partition;
    }

    public void setPartition(int partition) {
        this.partition = partition;
    }

    public long getOffset() {
        return offset;
    }

    public void setOffset(long offset) {
        this.offset = offset;
    }

    public Timestamp getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Timestamp timestamp) {
        this.timestamp = timestamp;
    }

    public int getTimestampType() {
        return timestampType;
    }

    public void setTimestampType(int timestampType) {
        this.timestampType = timestampType;
    }
}
