package streamlab.support.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The windows the labs print, found in their output. */
class WindowSpansTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static long at(int day, int h, int m, int s) {
        return LocalDateTime.of(2026, 11, day, h, m, s).atZone(ZONE).toInstant().toEpochMilli();
    }

    @Test
    void the_forms_of_labs_03_04_and_08_each_window_once() {
        long near = at(22, 10, 15, 9);
        List<String> lines = List.of(
                "|10:15:34-10:15:39|delay|1|",
                "|10:15:34-10:15:39|bourn|1|",
                "(101500-101530,3,2)",
                "|{2026-11-22 10:14:45, 2026-11-22 10:15:15}|7|1|",
                "(hello,3)  1700000004000 ms  10:15:04");
        assertThat(WindowSpans.in(lines, near, ZONE))
                .containsExactly(
                        new Span(at(22, 10, 15, 34), at(22, 10, 15, 39)),
                        new Span(at(22, 10, 15, 0), at(22, 10, 15, 30)),
                        new Span(at(22, 10, 14, 45), at(22, 10, 15, 15)));
    }

    @Test
    void a_time_of_day_is_taken_on_the_day_nearest_to_the_block_even_across_midnight() {
        long justAfterMidnight = at(23, 0, 0, 2);
        assertThat(WindowSpans.in(List.of("|23:59:58-00:00:03|a|1|"), justAfterMidnight, ZONE))
                .containsExactly(new Span(at(22, 23, 59, 58), at(23, 0, 0, 3)));
    }
}
