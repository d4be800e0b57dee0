package streamlab.benchmark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/** A netcat-sim server: {@code socketTextStream} (a receiver), and the Structured socket source. */
record SocketInput(String host, int port) implements Input {

    @Override
    public JavaDStream<String> lines(JavaStreamingContext ssc) {
        // MEMORY_AND_DISK_SER: one copy of each block, as in the labs (one machine has no second executor)
        return ssc.socketTextStream(host, port, StorageLevel.MEMORY_AND_DISK_SER());
    }

    @Override
    public Dataset<Row> lines(SparkSession spark, boolean timestamp) {
        return spark.readStream()
                .format("socket")
                .option("host", host)
                .option("port", port)
                .option("includeTimestamp", timestamp) // a column timestamp: when the line was read
                .load();
    }
}
