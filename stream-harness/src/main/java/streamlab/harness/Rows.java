package streamlab.harness;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import scala.Product;
import scala.collection.Iterable;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Rows as both APIs' outputs are compared: a row is a list of plain values. A DStream pair
 * {@code (hello, 2)} and a Structured row {@code [hello, 2]} become the same row {@code [hello, 2]};
 * whole numbers become {@code Long}, timestamps {@code Instant}, structs and tuples nested lists.
 */
public final class Rows {

    private Rows() {}

    /** One expected row: {@code row("hello", 2)}. */
    public static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object v : values) {
            row.add(value(v));
        }
        return row;
    }

    /** The expected rows of one batch: {@code rows(row("hello", 2), row("world", 1))}. */
    @SafeVarargs
    @SuppressWarnings("varargs") // copied into a list at once: the array is never written nor handed out
    public static List<List<Object>> rows(List<Object>... rows) {
        return new ArrayList<>(Arrays.asList(rows));
    }

    /** A batch that must produce nothing. */
    public static List<List<Object>> none() {
        return new ArrayList<>();
    }

    /** An event time {@code seconds} after the start of the test's clock (the epoch, in UTC). */
    public static Instant at(double seconds) {
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    /**
     * An expected time window, as a Structured query's {@code window(...)} column comes out: the struct
     * (start, end) as the list {@code [start, end]}, both in seconds like {@link #at}. So
     * {@code row(window(10, 15), "hello", 1)} is the row of the window from 0:00:10 to 0:00:15.
     */
    public static List<Object> window(double startSeconds, double endSeconds) {
        return new ArrayList<>(List.of(at(startSeconds), at(endSeconds)));
    }

    /** An output element (a tuple, a Row, a value) as a row. */
    public static List<Object> asRow(Object element) {
        if (element instanceof Row r) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                row.add(value(r.get(i)));
            }
            return row;
        }
        if (element instanceof Product p && p.getClass().getName().startsWith("scala.Tuple")) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < p.productArity(); i++) {
                row.add(value(p.productElement(i)));
            }
            return row;
        }
        List<Object> row = new ArrayList<>();
        row.add(value(element));
        return row;
    }

    /** One value, normalized for comparison. */
    static Object value(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        if (v instanceof Row
                || (v instanceof Product p && p.getClass().getName().startsWith("scala.Tuple"))) {
            return asRow(v);
        }
        if (v instanceof Iterable<?> it) {
            List<Object> list = new ArrayList<>();
            for (Object o : CollectionConverters.asJava(it)) {
                list.add(value(o));
            }
            return list;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(Rows::value).collect(Collectors.toList());
        }
        return v;
    }

    /** A row as a student reads it: {@code (hello, 2)}; times as offsets from the epoch. */
    public static String render(List<Object> row) {
        return row.stream().map(Rows::renderValue).collect(Collectors.joining(", ", "(", ")"));
    }

    /** The rows of one batch, sorted, on one line; {@code (no rows)} when empty. */
    public static String renderAll(List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return "(no rows)";
        }
        return sorted(rows).stream().map(Rows::render).collect(Collectors.joining(" "));
    }

    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Rows::render));
        return copy;
    }

    private static String renderValue(Object v) {
        if (v instanceof Instant t) {
            if (t.getEpochSecond() < 86_400 && t.getEpochSecond() >= 0) {
                Duration d = Duration.ofMillis(t.toEpochMilli());
                String s = String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
                return d.toMillisPart() == 0 ? s : s + String.format(".%03d", d.toMillisPart());
            }
            return t.toString();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(Rows::renderValue).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof String s) {
            return s.isEmpty() ? "\"\"" : s;
        }
        return String.valueOf(v);
    }
}
