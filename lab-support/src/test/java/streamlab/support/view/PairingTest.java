package streamlab.support.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import streamlab.support.Api;

/** Which blocks share a row, and when a row is shown: with times given by the test, not by a clock. */
class PairingTest {

    private final List<Row> rows = new ArrayList<>();
    private boolean microBatchRunning;
    private Pairing pairing;

    @BeforeEach
    void both_apis() {
        pairing = new Pairing(rows::add, () -> microBatchRunning);
        pairing.expect(Api.DSTREAM);
        pairing.expect(Api.STRUCTURED);
    }

    private static Placed block(Api api, long slot, String text) {
        return new Placed(new Block(api, api.label(), null, null, "", List.of(text), 0), slot, api.label());
    }

    private static List<String> texts(List<Placed> side) {
        return side.stream().map(p -> p.block().lines().get(0)).toList();
    }

    @Test
    void a_row_is_shown_once_both_apis_have_a_block_and_nothing_more_came_for_a_moment() {
        pairing.add(block(Api.DSTREAM, 4000, "d4"), 4_100);
        microBatchRunning = true;
        pairing.showComplete(8_000);
        assertThat(rows)
                .as("a micro-batch is running: it may belong to this row")
                .isEmpty();
        pairing.add(block(Api.STRUCTURED, 4000, "s4"), 8_100);
        pairing.showComplete(8_100 + Pairing.QUIET_MILLIS - 1);
        assertThat(rows).isEmpty();
        pairing.showComplete(8_100 + Pairing.QUIET_MILLIS);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.slot()).isEqualTo(4000);
            assertThat(texts(row.dstream())).containsExactly("d4");
            assertThat(texts(row.structured())).containsExactly("s4");
            assertThat(row.late()).isFalse();
        });
    }

    @Test
    void a_row_waits_while_a_micro_batch_that_belongs_to_it_may_still_begin() {
        pairing.dstreamEvery(15_000); // a micro-batch that begins up to 7.5 s after the row's time is the row's
        pairing.add(block(Api.DSTREAM, 40_000, "d40"), 40_300);
        pairing.showComplete(40_000 + 7_500 + Pairing.GRACE_MILLIS - 1);
        assertThat(rows).isEmpty();
        pairing.showComplete(40_000 + 7_500 + Pairing.GRACE_MILLIS);
        assertThat(rows)
                .singleElement()
                .satisfies(row -> assertThat(row.structured()).isEmpty());
        pairing.add(block(Api.DSTREAM, 55_000, "d55"), 55_300);
        pairing.add(block(Api.STRUCTURED, 55_000, "s55, began at 60 s"), 61_000);
        pairing.showComplete(61_000 + Pairing.QUIET_MILLIS);
        assertThat(rows).hasSize(2);
        assertThat(texts(rows.get(1).structured())).containsExactly("s55, began at 60 s");
    }

    @Test
    void a_row_waits_for_the_dstream_until_it_printed_that_time_and_rows_come_in_time_order() {
        pairing.add(block(Api.STRUCTURED, 6000, "s6"), 6_500);
        pairing.add(block(Api.STRUCTURED, 8000, "s8"), 8_500);
        pairing.showComplete(9_000);
        assertThat(rows).isEmpty();
        pairing.add(block(Api.DSTREAM, 8000, "d8"), 9_100);
        pairing.showComplete(9_100 + Pairing.QUIET_MILLIS);
        assertThat(rows).extracting(Row::slot).containsExactly(6000L, 8000L);
        assertThat(texts(rows.get(0).dstream())).isEmpty(); // the DStream printed nothing at 6 s
        assertThat(texts(rows.get(1).dstream())).containsExactly("d8");
    }

    @Test
    void a_block_for_a_row_already_shown_is_a_late_row_and_no_row_waits_forever() {
        pairing.add(block(Api.DSTREAM, 2000, "d2"), 2_100);
        microBatchRunning = true;
        pairing.showComplete(2_100 + Pairing.MAX_WAIT_MILLIS);
        assertThat(rows).hasSize(1);
        pairing.add(block(Api.STRUCTURED, 2000, "s2"), 12_200);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).late()).isTrue();
        assertThat(texts(rows.get(1).structured())).containsExactly("s2");
    }

    @Test
    void with_one_api_running_a_row_waits_for_that_api_only_and_the_rest_is_shown_at_the_end() {
        pairing.expectOnly(Set.of(Api.STRUCTURED), 0);
        pairing.add(block(Api.STRUCTURED, 1000, "s1"), 1_500);
        pairing.add(block(Api.STRUCTURED, 1000, "s1 of a second query"), 1_600);
        pairing.showComplete(1_600 + Pairing.QUIET_MILLIS);
        assertThat(rows)
                .singleElement()
                .satisfies(row -> assertThat(texts(row.structured())).containsExactly("s1", "s1 of a second query"));
        pairing.add(block(Api.STRUCTURED, 2000, "s2"), 2_500);
        pairing.showAll();
        assertThat(rows).hasSize(2);
    }
}
