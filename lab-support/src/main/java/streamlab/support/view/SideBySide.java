package streamlab.support.view;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import streamlab.support.Api;
import streamlab.support.LabOptions;
import streamlab.support.LineServer;
import streamlab.support.View;

/**
 * The two APIs' output side by side ({@code --view columns|blocks|web}). Every line the program prints
 * comes here through the {@link OutputRouter}; the lines of each API are cut into blocks, each block gets
 * its batch time, and the blocks of one time are shown together as a row: on the terminal in two columns
 * (or labelled blocks), and with {@code --view web} on a live page too. Lines of other threads (the
 * program's own {@code ==} lines) go straight to the terminal, between rows, never inside one.
 *
 * <p>The lab programs need nothing for it: {@code LabSpark.start} begins the view, {@code Running} tells it
 * which parts run, and {@code LabMain} ends it.
 */
public final class SideBySide {

    private static volatile SideBySide current;

    private final Object lock = new Object();
    private final SparkSession spark;
    private final OutputRouter router;
    private final PrintStream terminal;
    private final RowLayout layout;
    private final Pairing pairing;
    private final Placing placing;
    private final WebView web;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "side-by-side");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean microBatchRunning;
    private String description;

    private SideBySide(SparkSession spark, LabOptions options, View view, int width) {
        this.spark = spark;
        this.router = OutputRouter.install();
        this.terminal = router.terminal();
        this.layout = options.api != Api.BOTH
                ? new BlockLayout(width, false) // the web view of one API
                : RowLayout.forWidth(width, view != View.BLOCKS);
        this.pairing = new Pairing(this::show, () -> microBatchRunning);
        for (Api api : List.of(Api.DSTREAM, Api.STRUCTURED)) {
            if (options.api.includes(api)) {
                pairing.expect(api);
            }
        }
        this.placing = new Placing(lock, this::place);
        this.web = view == View.WEB ? WebView.start(spark.sparkContext().appName(), options.api) : null;
        if (web != null) {
            LineServer.whenSent(web::line);
        }
        spark.streams().addListener(placing.microBatches());
        ticker.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        router.route(this::line);
    }

    /**
     * Begins the view that {@code --view} asks for: nothing for plain output, or for one API without the
     * web view. See {@link #webUrl()} and {@link #description()} for what to tell the user.
     */
    public static void begin(SparkSession spark, LabOptions options) {
        end();
        View view = options.chosenView();
        if (view == View.PLAIN || options.api != Api.BOTH && view != View.WEB) {
            return;
        }
        int width = TerminalWidth.detect();
        SideBySide started = new SideBySide(spark, options, view, width);
        started.description = Labels.howToRead(started.layout, width, view, options.api);
        current = started;
    }

    /** The address of the web view, or null without one. */
    public static String webUrl() {
        SideBySide view = current;
        return view != null && view.web != null ? view.web.url() : null;
    }

    /** One sentence on how to read the view, or null without one. */
    public static String description() {
        SideBySide view = current;
        return view != null ? view.description : null;
    }

    /** Tells the view that a part has started: a DStream context brings its batch interval and window. */
    public static void started(Api api, Object part) {
        SideBySide view = current;
        if (view != null && api == Api.DSTREAM && part instanceof JavaStreamingContext ssc) {
            DStreamTimes.of(ssc).ifPresent(times -> {
                synchronized (view.lock) {
                    view.placing.dstream(times);
                    view.pairing.dstreamEvery(times.every());
                    if (view.web != null) {
                        view.web.dstream(times);
                    }
                }
            });
        }
    }

    /** Tells the view which APIs have a running part (rows stop waiting for the others). */
    public static void running(Set<Api> apis) {
        SideBySide view = current;
        if (view != null) {
            synchronized (view.lock) {
                view.pairing.expectOnly(apis, System.currentTimeMillis());
            }
        }
    }

    /** Shows every block still waiting (the streams have stopped). */
    public static void finish() {
        SideBySide view = current;
        if (view != null) {
            view.flush();
        }
    }

    /** Ends the view: the rest is shown, and {@code System.out} writes straight through again. */
    public static void end() {
        SideBySide view = current;
        current = null;
        if (view == null) {
            return;
        }
        view.flush();
        view.ticker.shutdownNow();
        view.router.route(null);
        LineServer.whenSent(null);
        try {
            view.spark.streams().removeListener(view.placing.microBatches());
        } catch (RuntimeException stopped) {
            // the session is gone already, and its listeners with it
        }
        if (view.web != null) {
            view.web.close();
        }
    }

    private void flush() {
        synchronized (lock) {
            placing.flush();
            pairing.showAll();
        }
    }

    private void line(String thread, String text) {
        long now = System.currentTimeMillis();
        Api api = OutputThreads.apiOf(thread);
        synchronized (lock) {
            if (api == null) {
                terminal.println(text);
                if (web != null) {
                    web.note(text);
                }
                return;
            }
            placing.line(api, thread, text, now);
        }
    }

    private void place(Placed placed) {
        pairing.add(placed, System.currentTimeMillis());
        if (web != null) {
            web.block(placed, placing.windows(placed));
        }
    }

    private void show(Row row) {
        layout.render(row).forEach(terminal::println);
    }

    private void tick() {
        try {
            boolean running = false;
            for (StreamingQuery query : spark.sparkContext().isStopped()
                    ? new StreamingQuery[0]
                    : spark.streams().active()) {
                running |= query.status().isTriggerActive() && query.status().isDataAvailable();
            }
            microBatchRunning = running; // read outside the view's lock: Spark's locks are never taken under it
            synchronized (lock) {
                long now = System.currentTimeMillis();
                placing.tick(now);
                pairing.showComplete(now);
            }
        } catch (RuntimeException e) {
            terminal.println("== side-by-side view: " + e);
        }
    }
}
