import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * Run once by .mvn/run-java.sh under -XX:ArchiveClassesAtExit: a few seconds of both streaming APIs, a
 * socket stream into word counts each, so that the classes a lab program loads at its start go into a
 * class-data archive that later lab programs map instead of loading them one by one.
 */
public class SparkClassesTraining {
    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread lines = new Thread(() -> {
                List<Socket> readers = new ArrayList<>();
                try {
                    while (true) {
                        Socket reader = server.accept();
                        readers.add(reader);
                        PrintWriter out = new PrintWriter(reader.getOutputStream(), true);
                        for (int i = 0; i < 20; i++) {
                            out.println("to be or not to be");
                        }
                    }
                } catch (Exception closed) {
                    for (Socket r : readers) {
                        try {
                            r.close();
                        } catch (Exception ignored) {
                            // the training is over
                        }
                    }
                }
            });
            lines.setDaemon(true);
            lines.start();
            SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("training")
                    .set("spark.ui.enabled", "false").set("spark.sql.shuffle.partitions", "2")
                    .set("spark.hadoop.fs.file.impl", "com.globalmentor.apache.hadoop.fs.BareLocalFileSystem");
            SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
            spark.sparkContext().setLogLevel("ERROR");
            JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                    Durations.seconds(1));
            // no lambdas of this class: it is compiled in memory, where Spark's tasks cannot find it
            ssc.socketTextStream("127.0.0.1", server.getLocalPort()).countByValue().print();
            Queue<JavaRDD<String>> queue = new LinkedList<>(List.of(ssc.sparkContext().parallelize(List.of("a b a"), 2)));
            ssc.queueStream(queue).countByValue().print();
            ssc.start();
            Dataset<Row> counts = spark.readStream().format("socket").option("host", "127.0.0.1")
                    .option("port", server.getLocalPort()).load()
                    .select(functions.explode(functions.split(functions.col("value"), " ")).as("word"))
                    .groupBy("word").count();
            StreamingQuery query = counts.writeStream().format("console").outputMode("update").start();
            Thread.sleep(6000);
            query.stop();
            ssc.stop(true, true);
        }
        System.exit(0);
    }
}
