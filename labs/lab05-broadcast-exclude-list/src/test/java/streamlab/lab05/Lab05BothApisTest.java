package streamlab.lab05;

import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamlab.harness.DStreamScript;
import streamlab.harness.DriverSingletons;
import streamlab.harness.LabTest;
import streamlab.harness.StreamResult;
import streamlab.harness.StructuredScript;
import streamlab.support.Api;

/** The two APIs side by side: the same words kept and dropped (scored apart from either API's own tests). */
@LabTest(lab = "05", api = Api.BOTH)
class Lab05BothApisTest {

    @RegisterExtension
    static final DriverSingletons SINGLETONS = DriverSingletons.of(ExcludeList.class, DroppedWords.class);

    @BeforeEach
    void default_words() {
        ExcludeWords.useDefault();
    }

    @Test
    void both_apis_keep_and_drop_the_same_words() {
        List<String> lines = List.of("The cat and the hat.", "It is a cat, isn't it?", "A dog in the fog");
        StreamResult dstream = DStreamScript.lines(lines)
                .title("Lab 05 ExcludeDStream.keptCounts")
                .probe(
                        "DroppedWords.getInstance(sc).value()",
                        sc -> DroppedWords.getInstance(sc).value())
                .runPairs(ExcludeDStream::keptCounts);
        StreamResult structured = StructuredScript.lines(lines)
                .title("Lab 05 ExcludeStructured.keptCounts")
                .metric(ExcludeStructured.METRIC)
                .outputMode("complete")
                .run(in ->
                        ExcludeStructured.keptCounts(in, ExcludeWords.table(in.sparkSession(), ExcludeWords.DEFAULT)));
        // one batch of input: the DStream counts of that batch are the Structured counts of the stream
        structured.assertSameAs("ExcludeDStream.keptCounts", dstream);
        structured.observed().assertSameAs("the accumulator of ExcludeDStream.keptCounts", dstream.observed());
        structured.observed().assertBatches(rows(row(10)));
    }
}
