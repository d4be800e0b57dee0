package streamlab.lab09;

import static streamlab.harness.Rows.at;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.lab09.PhoneAndWatch.reading;

import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.harness.LabTest;
import streamlab.support.Api;

/**
 * Stream-stream joins with explicit event times: at(s) is s seconds after the epoch. A phone reading
 * and a watch reading of the same user match when they are at most 2 s apart; both streams have a
 * watermark of 5 s, and the query's watermark is the lower of the two (the latest time seen in that
 * stream minus 5 s). Rows are (User, phone_time, watch_time).
 */
@LabTest(lab = "09", api = Api.STRUCTURED)
class Lab09StreamJoinsTest {

    @Test
    void the_inner_join_writes_a_pair_as_soon_as_both_readings_are_there() {
        new PhoneAndWatch("phoneWithWatch", StreamJoinsStructured::phoneWithWatch)
                .step(List.of(reading("a", at(10)), reading("b", at(10))), List.of())
                .step(List.of(), List.of(reading("a", at(11.5)), reading("b", at(13)))) // b: 3 s apart, no match
                .step(
                        List.of(reading("a", at(12))),
                        List.of(reading("a", at(14)))) // the new phone reading meets both a's watch readings
                .run()
                .assertBatches(
                        none(),
                        rows(row("a", at(10), at(11.5))),
                        rows(row("a", at(12), at(11.5)), row("a", at(12), at(14))));
    }

    @Test
    void the_inner_join_drops_from_its_state_the_readings_no_new_reading_can_match() {
        // a reading of each stream every 20 s: once the watermark (the latest time minus 5 s) is more than 2 s
        // past a reading, no reading to come can match it, and Spark drops it from the join's state; without
        // watermarks it keeps every reading ever seen
        new PhoneAndWatch("phoneWithWatch", StreamJoinsStructured::phoneWithWatch)
                .step(List.of(reading("a", at(10))), List.of(reading("a", at(10))))
                .step(List.of(reading("a", at(30))), List.of(reading("a", at(30))))
                .step(List.of(reading("a", at(50))), List.of(reading("a", at(50))))
                .probe(
                        "rows in the join's state (lastProgress().stateOperators()[0].numRowsTotal())",
                        q -> q.lastProgress().stateOperators()[0].numRowsTotal())
                .run()
                .observed()
                .assertBatches(rows(row(2L)), rows(row(2L)), rows(row(2L))); // the latest two readings only
    }

    @Test
    void the_inner_join_matches_only_readings_of_the_same_user_within_2_s() {
        new PhoneAndWatch("phoneWithWatch", StreamJoinsStructured::phoneWithWatch)
                .step(
                        List.of(reading("a", at(20)), reading("b", at(20))),
                        List.of(
                                reading("a", at(18)),
                                reading("a", at(22)),
                                reading("a", at(17.9)),
                                reading("c", at(20)),
                                reading("b", at(22.1))))
                .run()
                .assertBatches(rows(row("a", at(20), at(18)), row("a", at(20), at(22))));
    }

    @Test
    void the_left_outer_join_writes_an_unmatched_phone_reading_with_null_once_the_watermark_passes() {
        new PhoneAndWatch("phoneWithOptionalWatch", StreamJoinsStructured::phoneWithOptionalWatch)
                .step(List.of(reading("a", at(10)), reading("b", at(10))), List.of(reading("a", at(11))))
                .step(List.of(reading("c", at(16))), List.of(reading("c", at(16)))) // watermark 11 s
                .step(List.of(reading("c", at(30))), List.of(reading("c", at(30)))) // watermark 25 s
                .run()
                .assertBatches(
                        rows(row("a", at(10), at(11))),
                        rows(row("c", at(16), at(16))),
                        rows(row("b", at(10), null), row("c", at(30), at(30))));
    }

    @Test
    void the_left_outer_join_writes_an_unmatched_phone_reading_as_soon_as_a_watermark_of_5_s_passes_it() {
        // b @10 s can match watch readings up to 12 s: a watermark of 14 s (19 - 5) ends its wait, 9 (19 - 10) not
        new PhoneAndWatch("phoneWithOptionalWatch", StreamJoinsStructured::phoneWithOptionalWatch)
                .step(List.of(reading("b", at(10))), List.of(reading("c", at(10))))
                .step(List.of(reading("a", at(19))), List.of(reading("a", at(19)))) // watermark 14 s
                .run()
                .assertBatches(none(), rows(row("a", at(19), at(19)), row("b", at(10), null)));
    }
}
