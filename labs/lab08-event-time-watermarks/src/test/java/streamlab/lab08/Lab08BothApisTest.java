package streamlab.lab08;

import static org.assertj.core.api.Assertions.assertThat;
import static streamlab.harness.StructuredScript.event;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.harness.Rows;
import streamlab.harness.StreamResult;
import streamlab.harness.StructuredScript;
import streamlab.harness.StructuredScript.Event;
import streamlab.support.Api;

/**
 * The one case where the two APIs must agree: every line's event time lies in the 5 s batch it arrived
 * in (the line of batch k, which runs at t = 5k s, happened at 5k - 2.5 s). Then the DStream window that
 * ends at t, (t - 30 s, t], holds the same lines as the event-time window [t - 30 s, t), and both write
 * it as the same rows (window, value, count). They differ in when: the DStream prints the window at t;
 * append mode writes it only once the watermark (the latest event time - 15 s) reaches t.
 */
@LabTest(lab = "08", api = Api.BOTH)
class Lab08BothApisTest {

    private static final List<List<String>> BATCHES = List.of(
            List.of("3", "3", "5"),
            List.of("5"),
            List.of("hello"),
            List.of("3", "8"),
            List.of(),
            List.of("8", "8"),
            List.of("1"),
            List.of(),
            List.of("3"),
            List.of("0"),
            List.of(),
            List.of("2"),
            List.of("4"));

    /** Where the Structured query's micro-batches are cut: after batch 7, and at the end. */
    private static final int CUT = 7;

    @Test
    void with_event_times_inside_their_batches_the_final_windows_of_both_apis_are_the_same() {
        // the same lines as events; the query reads them in two steps: with event time, how the stream is cut
        // into micro-batches does not change the windows (as long as no line is behind the watermark)
        List<List<Event>> events = List.of(new ArrayList<>(), new ArrayList<>());
        for (int k = 1; k <= BATCHES.size(); k++) {
            for (String line : BATCHES.get(k - 1)) {
                events.get(k <= CUT ? 0 : 1).add(event(Rows.at(5 * k - 2.5), line));
            }
        }
        StreamResult dstream = DStreamScript.linesFrom(BATCHES)
                .batchSeconds(5)
                .title("Lab 08 WindowAppendDStream.windowRows(valueCounts(lines), UTC)")
                .run(lines -> WindowAppendDStream.windowRows(WindowAppendDStream.valueCounts(lines), ZoneOffset.UTC));
        StreamResult structured = StructuredScript.events(events.get(0), events.get(1))
                .title("Lab 08 WindowAppendStructured.valueCounts (times in UTC)")
                .run(WindowAppendStructured::valueCounts);

        // the last event is at 62.5 s: the watermark is 47.5 s, so the windows that end at 15, 30 and 45 s are
        // final; the DStream printed them at batches 3, 6 and 9 (and more after them, not final yet)
        double watermark = 5 * BATCHES.size() - 2.5 - 15;
        List<List<Object>> finalDStreamRows = new ArrayList<>();
        for (int k = 1; 5 * k <= watermark; k++) {
            finalDStreamRows.addAll(dstream.batch(k));
        }
        List<List<Object>> structuredRows = new ArrayList<>();
        structured.steps().forEach(step -> structuredRows.addAll(step.output()));

        assertThat(Rows.renderAll(structuredRows))
                .as("the rows append mode wrote (both steps) against the DStream's windows up to the watermark"
                        + " (batches 1 to 9)\n" + structured + "\n" + dstream)
                .isEqualTo(Rows.renderAll(finalDStreamRows));
        assertThat(structuredRows).as("rows written").isNotEmpty();
    }
}
