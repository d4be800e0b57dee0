package streamlab.benchmark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/** The stream of lines a query reads, in the terms of each API: a socket of netcat-sim, or a Kafka topic. */
interface Input {

    /** The lines as a DStream (a receiver for the socket, the direct stream for Kafka). */
    JavaDStream<String> lines(JavaStreamingContext ssc);

    /**
     * The lines as a streaming Dataset with a column {@code value}, and with {@code timestamp} when asked: the time
     * the socket source read the line, or the Kafka record's own timestamp (set by the producer when it sent it).
     */
    Dataset<Row> lines(SparkSession spark, boolean timestamp);
}
