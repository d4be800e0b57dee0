package streamlab.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import streamlab.netcat.NetcatServer;

/**
 * One step of the benchmark: one query of one API, alone, reading its own netcat-sim server while lines arrive at
 * one rate: a warm-up, the measured period, and a grace time for the last markers to show.
 */
final class Step {

    private static final Duration CONNECT_WAIT = Duration.ofSeconds(60);

    private Step() {}

    @SuppressWarnings("try") // PacedSender.close() may throw InterruptedException: this method passes it on
    static Result run(SparkSession spark, Series series, int rate, Settings settings, Path checkpoint)
            throws Exception {
        Markers.reset();
        String name = "benchmark_" + series.name().toLowerCase() + "_" + rate;
        try (NetcatServer server = NetcatServer.builder().start();
                StreamQuery query = series.create(spark, settings.batchMillis(), checkpoint, name)) {
            query.start(server.bindHost(), server.port());
            if (!server.awaitClients(1, CONNECT_WAIT)) {
                throw new IllegalStateException(
                        series.label() + " did not connect to netcat-sim within " + CONNECT_WAIT.toSeconds() + " s");
            }
            try (PacedSender sender = PacedSender.start(server, rate, settings.markersPerSecond())) {
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
                        Latency.percentile(latencies, 99));
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
