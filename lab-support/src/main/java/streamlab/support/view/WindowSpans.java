package streamlab.support.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time windows a block of output names, in the forms the window labs print: {@code 10:15:02-10:15:07}
 * ({@code WindowText}), {@code 101500-101530} (lab 08's DStream rows) and Spark's own
 * {@code {2026-11-22 10:15:00, 2026-11-22 10:15:30}} for a window struct. A time of day is taken on the
 * day that puts it nearest to the block's own time.
 */
public final class WindowSpans {

    private static final Pattern CLOCKS =
            Pattern.compile("(?<!\\d)(\\d{2}):(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2}):(\\d{2})(?!\\d)");
    private static final Pattern COMPACT =
            Pattern.compile("(?<![\\d:])(\\d{2})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})(?!\\d)");
    private static final Pattern STRUCT = Pattern.compile(
            "\\{(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})(?:\\.\\d+)?, (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})(?:\\.\\d+)?}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private WindowSpans() {}

    /** The distinct windows named in {@code lines}, in order of appearance. */
    public static List<Span> in(List<String> lines, long near, ZoneId zone) {
        List<Span> spans = new ArrayList<>();
        for (String line : lines) {
            for (Pattern clock : List.of(CLOCKS, COMPACT)) {
                Matcher m = clock.matcher(line);
                while (m.find()) {
                    LocalTime start = time(m, 1);
                    LocalTime end = time(m, 4);
                    if (start != null && end != null) {
                        long from = nearest(start, near, zone);
                        long to = nearest(end, from, zone);
                        add(spans, new Span(from, to < from ? to + 86_400_000L : to));
                    }
                }
            }
            Matcher m = STRUCT.matcher(line);
            while (m.find()) {
                add(spans, new Span(epoch(m.group(1), zone), epoch(m.group(2), zone)));
            }
        }
        return spans;
    }

    private static void add(List<Span> spans, Span span) {
        if (span.end() > span.start() && !spans.contains(span)) {
            spans.add(span);
        }
    }

    private static LocalTime time(Matcher m, int group) {
        int h = Integer.parseInt(m.group(group));
        int min = Integer.parseInt(m.group(group + 1));
        int s = Integer.parseInt(m.group(group + 2));
        return h < 24 && min < 60 && s < 60 ? LocalTime.of(h, min, s) : null;
    }

    /** The moment {@code time} of the day before, of, or after {@code near}'s day that is nearest to it. */
    static long nearest(LocalTime time, long near, ZoneId zone) {
        LocalDate day = Instant.ofEpochMilli(near).atZone(zone).toLocalDate();
        long best = 0;
        for (int d = -1; d <= 1; d++) {
            long at = time.atDate(day.plusDays(d)).atZone(zone).toInstant().toEpochMilli();
            if (d == -1 || Math.abs(at - near) < Math.abs(best - near)) {
                best = at;
            }
        }
        return best;
    }

    private static long epoch(String stamp, ZoneId zone) {
        return LocalDateTime.parse(stamp, STAMP).atZone(zone).toInstant().toEpochMilli();
    }
}
