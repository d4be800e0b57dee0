package streamlab.lab02;

import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.harness.StreamResult;
import streamlab.harness.StructuredScript;
import streamlab.support.Api;

/** The two APIs side by side on one input (scored apart from either API's own tests). */
@LabTest(lab = "02", api = Api.BOTH)
class Lab02BothApisTest {

    /** Punctuation, mixed case, a word twice in one batch, an empty batch. */
    private static final List<List<String>> CATS_AND_DOGS =
            List.of(List.of("the cat", "The dog"), List.of(), List.of("a cat, a CAT!"), List.of("dog"));

    @Test
    void dstream_update_state_by_key_equals_the_structured_complete_table_after_every_batch() {
        StreamResult structured = StructuredScript.linesFrom(CATS_AND_DOGS)
                .title("Lab 02 RunningTotalsStructured.totals")
                .outputMode("complete")
                .run(RunningTotalsStructured::totals)
                .assertLast(rows(row("the", 2), row("cat", 3), row("dog", 2), row("a", 2)));
        DStreamScript.linesFrom(CATS_AND_DOGS)
                .title("Lab 02 RunningTotalsDStream.totals")
                .checkpointing()
                .runPairs(RunningTotalsDStream::totals)
                .assertSameAs("RunningTotalsStructured.totals in complete mode", structured);
    }

    @Test
    void dstream_map_with_state_equals_structured_flat_map_groups_with_state_after_every_batch() {
        StreamResult structured = StructuredScript.linesFrom(CATS_AND_DOGS)
                .title("Lab 02 RunningTotalsStructured.totalsWithState")
                .outputMode("update")
                .run(RunningTotalsStructured::totalsWithState)
                .assertBatch(3, rows(row("a", 2), row("cat", 3)));
        DStreamScript.linesFrom(CATS_AND_DOGS)
                .title("Lab 02 RunningTotalsDStream.updatedTotals")
                .checkpointing()
                .runPairs(RunningTotalsDStream::updatedTotals)
                .assertSameAs("RunningTotalsStructured.totalsWithState in update mode", structured);
    }
}
