package streamlab.support;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import streamlab.support.view.SideBySide;

/**
 * How every lab program gets its Spark.
 *
 * <p>The master is never forced: {@code spark-submit --master ...} and {@code -Dspark.master=...} win,
 * then {@code --master}. Only when nobody names one does a lab run on this machine, with
 * {@code local[2]} (a DStream receiver holds one core for itself, so {@code local[1]} would receive but
 * never compute), or {@code local[3]} when both APIs run side by side.
 */
public final class LabSpark {

    /** The master used when neither spark-submit nor -Dspark.master names one. */
    public static final String DEFAULT_MASTER = "local[2]";

    private LabSpark() {}

    /** The lab's SparkSession, with its web UI's address printed, and the view {@code --view} asks for begun. */
    public static SparkSession start(String title, LabOptions options) {
        if (options.seconds < 0) {
            throw new LabUsageException("--seconds must be 0 (run until Ctrl-C) or more, not " + options.seconds + ".");
        }
        if (options.master != null) {
            System.setProperty("spark.master", options.master);
        }
        SparkSession spark = session(title, options.api == Api.BOTH ? "local[3]" : DEFAULT_MASTER);
        String ui = spark.sparkContext().uiWebUrl().isDefined()
                ? spark.sparkContext().uiWebUrl().get()
                : "off";
        SideBySide.begin(spark, options); // --view: the two APIs' output side by side
        String web = SideBySide.webUrl();
        System.out.println("== " + title + " on " + spark.sparkContext().master() + ", Spark UI: " + ui
                + (web != null ? ", side by side: " + web : ""));
        if (SideBySide.description() != null) {
            System.out.println("== " + SideBySide.description());
        }
        return spark;
    }

    /**
     * A SparkConf that honours spark-submit, with friendly local defaults.
     *
     * @param defaultMaster used only when no master is given
     */
    public static SparkConf conf(String appName, String defaultMaster) {
        SparkConf conf = new SparkConf(true).setAppName(appName); // true: reads spark.* system properties
        conf.setIfMissing("spark.master", defaultMaster);
        if (conf.get("spark.master").startsWith("local")) {
            // 200 shuffle partitions is a cluster default; on one machine it makes every batch crawl.
            conf.setIfMissing("spark.sql.shuffle.partitions", "2");
            conf.setIfMissing("spark.default.parallelism", "2");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        localFilesInJava(conf);
        javaCaseMapping(conf);
        return conf;
    }

    /**
     * {@code lower()} with Java's own case mapping, the one {@link Tokens#split} uses for the DStream API,
     * so both APIs lower-case alike. Spark's default, ICU's, first builds a table over every Unicode
     * character: 2 to 3 s of the first micro-batch that lower-cases a row, in every JVM.
     */
    public static SparkConf javaCaseMapping(SparkConf conf) {
        conf.setIfMissing("spark.sql.icu.caseMappings.enabled", "false");
        return conf;
    }

    /**
     * Local files (checkpoints, file sinks) through Java's own file API. Hadoop's local file system
     * without its native library starts a process ({@code chmod}, {@code readlink}) for nearly every file
     * it writes or renames: thousands per minute of a stateful query. BareLocalFileSystem does the same
     * with java.nio; Structured Streaming's checkpoint manager is told to go through it.
     */
    public static SparkConf localFilesInJava(SparkConf conf) {
        conf.setIfMissing("spark.hadoop.fs.file.impl", "com.globalmentor.apache.hadoop.fs.BareLocalFileSystem");
        conf.setIfMissing(
                "spark.sql.streaming.checkpointFileManagerClass",
                "org.apache.spark.sql.execution.streaming.checkpointing.FileSystemBasedCheckpointFileManager");
        return conf;
    }

    /** A session on {@link #conf}; a StreamingContext can share its SparkContext. */
    public static SparkSession session(String appName, String defaultMaster) {
        JavaVersionCheck.requireSupported();
        SparkSession spark =
                SparkSession.builder().config(conf(appName, defaultMaster)).getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return spark;
    }
}
