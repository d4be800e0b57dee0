package streamlab.benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * One step of the benchmark: one query of one API, alone, reading a feed of its own (a netcat-sim server, or a
 * Kafka topic) while lines arrive at one rate: a warm-up, the measured period, and a grace time for the last markers
 * to show.
 */
final class Step {

    private Step() {}

    @SuppressWarnings("try") // PacedSender.close() may throw InterruptedException: this method passes it on
    static Result run(
            SparkSession spark, Series series, int rate, Settings settings, Path checkpoint, Feed.Opener feeds)
            throws Exception {
        Markers.reset();
        String name = "benchmark_" + series.name().toLowerCase() + "_" + rate;
        try (Feed feed = feeds.open(name);
                StreamQuery query = series.create(spark, settings.batchMillis(), checkpoint, name)) {
            query.start(feed.input());
            feed.awaitReader(series.label());
            try (PacedSender sender = PacedSender.start(feed::send, rate, settings.markersPerSecond())) {
                long from = sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.warmupSeconds()));
                long sent0 = sender.linesSent();
                query.startMeasuring();
                long to = sleepUntil(from + TimeUnit.SECONDS.toNanos(settings.seconds()));
                double seconds = (to - from) / 1e9;
                double sent = (sender.linesSent() - sent0) / seconds;
                double processed = query.linesPerSecond(from, to);
                String behind = query.fallingBehind();
                long end = sleepUntil(to + TimeUnit.MILLISECONDS.toNanos(settings.graceMillis()));
                List<Latency> latencies = Markers.latencies(from, to, end);
                String why = Verdict.why(behind, rate, sent, processed, latencies, settings.batchMillis());
                return new Result(
                        rate,
                        series,
                        why,
                        sent,
                        processed,
                        Latency.percentile(latencies, 50),
                        Latency.percentile(latencies, 99),
                        query.state());
            }
        }
    }

    /** Sleeps until {@link System#nanoTime()} reaches {@code deadline}; returns the time it woke. */
    private static long sleepUntil(long deadline) throws InterruptedException {
        long now;
        while ((now = System.nanoTime()) < deadline) {
            TimeUnit.NANOSECONDS.sleep(deadline - now);
        }
        return now;
    }
}
