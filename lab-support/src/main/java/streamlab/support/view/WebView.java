package streamlab.support.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import streamlab.support.Api;

/**
 * {@code --view web}: a page on 127.0.0.1 that shows the run live. The JDK's own HTTP server serves the
 * page (a resource with its own small script) and a stream of server-sent events, one JSON object each:
 * the input lines as the line server sends them, each API's blocks with their batch time and the windows
 * they name, and the program's own lines. A page opened late gets everything from the start.
 */
public final class WebView implements AutoCloseable {

    private static final String PAGE = "side-by-side.html";
    private static final String CLOSED = "";
    private static final int MAX_KEPT = 50_000;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads;
    private final List<String> sent = new ArrayList<>();
    private final List<BlockingQueue<String>> pages = new CopyOnWriteArrayList<>();
    private boolean closed;

    private WebView(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts the server on a free port of 127.0.0.1. */
    public static WebView start(String title, Api apis) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService threads = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "side-by-side-web");
                t.setDaemon(true);
                return t;
            });
            WebView web = new WebView(server, threads);
            server.createContext("/", web::page);
            server.createContext("/events", web::events);
            server.setExecutor(threads);
            server.start();
            ObjectNode start = web.event("start").put("title", title);
            start.putArray("apis").add(apis.label());
            web.send(start);
            return web;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the web view's server", e);
        }
    }

    /** The page's address. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** A line the line server sent, at {@code at}. */
    public void line(Instant at, String text) {
        send(event("line").put("at", at.toEpochMilli()).put("text", text));
    }

    /** The DStream part's batch interval and its window, if it has one. */
    public void dstream(DStreamTimes times) {
        ObjectNode e = event("dstream").put("batch", times.batch());
        if (times.windowLength() > 0) {
            e.putObject("window").put("length", times.windowLength()).put("slide", times.windowSlide());
        }
        send(e);
    }

    /** A block of one API, in the row of its batch time, with the windows it names. */
    public void block(Placed placed, List<Span> windows) {
        ObjectNode e = event("block")
                .put("api", placed.block().api().label())
                .put("slot", placed.slot())
                .put("label", placed.label());
        placed.block().lines().forEach(e.putArray("lines")::add);
        windows.forEach(
                w -> e.withArray("windows").addObject().put("start", w.start()).put("end", w.end()));
        send(e);
    }

    /** A line of the program's own (not an API's output). */
    public void note(String text) {
        send(event("note").put("text", text));
    }

    /** Tells the pages the run has ended, and stops the server. */
    @Override
    public void close() {
        send(event("end"));
        synchronized (this) {
            closed = true;
            pages.forEach(page -> page.add(CLOSED));
        }
        server.stop(1);
        threads.shutdownNow();
    }

    private ObjectNode event(String type) {
        return json.createObjectNode().put("type", type);
    }

    private synchronized void send(ObjectNode event) {
        if (closed) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (sent.size() < MAX_KEPT) {
            sent.add(text);
        }
        pages.forEach(page -> page.add(text));
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream page = WebView.class.getResourceAsStream(PAGE)) {
            if (!exchange.getRequestURI().getPath().equals("/") || page == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = page.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** One page's stream of events: everything so far, then each new event, until the run ends. */
    private void events(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        synchronized (this) {
            queue.addAll(sent);
            if (closed) {
                queue.add(CLOSED);
            }
            pages.add(queue);
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (true) {
                String event = queue.poll(15, TimeUnit.SECONDS);
                if (CLOSED.equals(event)) {
                    return;
                }
                out.write((event == null ? ": still here\n\n" : "data: " + event + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException pageWentAway) {
            // the browser closed the page
        } finally {
            pages.remove(queue);
        }
    }
}
