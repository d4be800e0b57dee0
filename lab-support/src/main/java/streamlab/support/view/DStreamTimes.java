package streamlab.support.view;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.DStream;
import org.apache.spark.streaming.dstream.ReducedWindowedDStream;
import org.apache.spark.streaming.dstream.WindowedDStream;
import scala.jdk.javaapi.CollectionConverters;

/**
 * When a started DStream program prints, read from its graph (all in milliseconds): its outputs run every
 * {@code every} (the batch interval, or a window's slide) counted from the graph's zero time; and its
 * window, if it has one, holds the batches of the last {@code windowLength}, every {@code windowSlide}.
 * The labs print no window bounds for a DStream, so the web view's timeline draws them from here.
 */
public record DStreamTimes(long batch, long every, long zero, long windowLength, long windowSlide) {

    /** The times of a started context (its zero time is set when it starts). */
    public static Optional<DStreamTimes> of(JavaStreamingContext ssc) {
        var graph = ssc.ssc().graph();
        if (graph.zeroTime() == null) {
            return Optional.empty();
        }
        long every = 0;
        long length = 0;
        long slide = 0;
        Deque<DStream<?>> todo = new ArrayDeque<>();
        for (DStream<?> output : graph.getOutputStreams()) {
            every = gcd(every, output.slideDuration().milliseconds());
            todo.add(output);
        }
        while (!todo.isEmpty() && length == 0) {
            DStream<?> stream = todo.pop();
            if (stream instanceof WindowedDStream<?> w) {
                length = w.windowDuration().milliseconds();
                slide = w.slideDuration().milliseconds();
            } else if (stream instanceof ReducedWindowedDStream<?, ?> r) {
                length = r.windowDuration().milliseconds();
                slide = r.slideDuration().milliseconds();
            }
            todo.addAll(CollectionConverters.asJava(stream.dependencies()));
        }
        long batch = graph.batchDuration().milliseconds();
        return Optional.of(new DStreamTimes(
                batch, every > 0 ? every : batch, graph.zeroTime().milliseconds(), length, slide));
    }

    /** The output time nearest to {@code time}: the row of a micro-batch that began then. */
    public long nearestOutput(long time) {
        return zero + Math.round((time - zero) / (double) every) * every;
    }

    /** The window that ends at batch time {@code time}, if one ends then: the batches in (time - length, time]. */
    public List<Span> windowEndingAt(long time) {
        boolean ends = windowLength > 0 && time > zero && (time - zero) % windowSlide == 0;
        return ends ? List.of(new Span(time - windowLength, time)) : List.of();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
