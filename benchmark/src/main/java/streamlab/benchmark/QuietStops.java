package streamlab.benchmark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Silences what Spark logs at ERROR when a query is stopped in the middle of its work, which the benchmark does on
 * purpose at every rate a query cannot keep up with: the continuous query's tasks abort their writers ("Writer for
 * partition 0 is aborting", and "Aborting task" from Spark's utilities), a real-time query's tasks abort their
 * commits ("Aborting commit for partition 0"), a continuous task still reading after its query stopped fails
 * ("Could not find EpochCoordinator", logged by the executor and the task set), and a micro-batch interrupted while it
 * stores a broadcast reports it. The rest of the configuration is lab-support's log4j2.properties; a query that
 * really fails still ends its step with its own message.
 */
final class QuietStops {

    private static final String[] LOGGERS = {
        "org.apache.spark.sql.execution.streaming.continuous.ContinuousWriteRDD",
        "org.apache.spark.util.Utils",
        "org.apache.spark.broadcast.TorrentBroadcast",
        "org.apache.spark.sql.execution.datasources.v2.DataWritingSparkTask",
        "org.apache.spark.executor.Executor",
        "org.apache.spark.scheduler.TaskSetManager",
    };

    private QuietStops() {}

    static void apply() {
        for (String logger : LOGGERS) {
            Configurator.setLevel(logger, Level.OFF);
        }
    }
}
