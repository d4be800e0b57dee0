package streamlab.benchmark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the steps: every series at the lowest rate, then the next rate, and so on. A series that fell behind at one
 * rate is not tried at the higher ones, and the climb ends when every series has fallen behind.
 */
final class RateLadder {

    private RateLadder() {}

    static List<Result> climb(
            SparkSession spark,
            List<Series> series,
            List<Integer> rates,
            Settings settings,
            Path work,
            Feed.Opener feeds,
            PrintStream out) {
        warmUp(spark, series, rates.get(0), settings, work, feeds, out);
        List<Result> results = new ArrayList<>();
        Set<Series> behind = EnumSet.noneOf(Series.class);
        for (int rate : rates) {
            if (behind.containsAll(series)) {
                out.printf(Locale.ROOT, "rate %,d lines/s and up: skipped, every query fell behind already%n", rate);
                break;
            }
            for (Series s : series) {
                if (behind.contains(s)) {
                    continue;
                }
                out.printf(Locale.ROOT, "rate %,d lines/s: %s ... ", rate, s.label());
                out.flush();
                long began = System.nanoTime();
                Result result =
                        step(spark, s, rate, settings, work.resolve(s.name().toLowerCase() + "-" + rate), feeds);
                out.println(summary(result, (System.nanoTime() - began) / 1e9));
                results.add(result);
                if (!result.sustained()) {
                    behind.add(s);
                }
                settle(spark);
            }
        }
        return results;
    }

    /**
     * Runs every query once at the lowest rate, unmeasured, so that the first measured step of each does not pay for
     * what only the first query of a JVM pays: Spark's code generation and the JIT (the first micro-batch of the first
     * Structured query takes several seconds).
     */
    private static void warmUp(
            SparkSession spark,
            List<Series> series,
            int rate,
            Settings settings,
            Path work,
            Feed.Opener feeds,
            PrintStream out) {
        if (settings.jvmWarmupSeconds() == 0) {
            return;
        }
        Settings brief =
                new Settings(0, settings.jvmWarmupSeconds(), settings.batchSeconds(), settings.markersPerSecond(), 0);
        out.printf(
                Locale.ROOT,
                "Warming up the JVM (not measured): each query %d s at %,d lines/s ... ",
                settings.jvmWarmupSeconds(),
                rate);
        out.flush();
        long began = System.nanoTime();
        for (Series s : series) {
            step(spark, s, rate, brief, work.resolve("warm-up-" + s.name().toLowerCase()), feeds);
            settle(spark);
        }
        out.printf(Locale.ROOT, "done (%.0f s)%n", (System.nanoTime() - began) / 1e9);
    }

    /**
     * Lets the cores go quiet before the next step: the jobs a stopped query left running end (up to 30 s), and the
     * garbage of the step is collected.
     */
    private static void settle(SparkSession spark) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (spark.sparkContext().statusTracker().getActiveJobIds().length > 0 && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.gc();
    }

    private static Result step(
            SparkSession spark, Series series, int rate, Settings settings, Path checkpoint, Feed.Opener feeds) {
        try {
            return Step.run(spark, series, rate, settings, checkpoint, feeds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return new Result(rate, series, "the query failed: " + message, 0, 0, null, null, List.of());
        }
    }

    private static String summary(Result r, double seconds) {
        return String.format(
                Locale.ROOT,
                "%s; sent %,.0f, processed %,.0f lines/s; latency p50 %s ms, p99 %s ms" + " (%.0f s)",
                r.sustained() ? "sustained" : "fell behind (" + r.fellBehind() + ")",
                r.sentPerSecond(),
                r.processedPerSecond(),
                Latency.text(r.p50()),
                Latency.text(r.p99()),
                seconds);
    }
}
