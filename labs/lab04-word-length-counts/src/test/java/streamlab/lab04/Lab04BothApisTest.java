package streamlab.lab04;

import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.harness.StreamResult;
import streamlab.harness.StructuredScript;
import streamlab.support.Api;

/** The two APIs side by side on one input (scored apart from either API's own tests). */
@LabTest(lab = "04", api = Api.BOTH)
class Lab04BothApisTest {

    @Test
    void the_running_total_is_the_same_in_both_apis() {
        List<List<String>> lines = List.of(
                List.of(), List.of("Hello world over there"), List.of("", "a b"), List.of("東京 don't 𠮷野家"), List.of());
        StreamResult dstream = DStreamScript.linesFrom(lines)
                .checkpointing()
                .title("Lab 04 WordLengthsDStream.totalWords")
                .run(WordLengthsDStream::totalWords);
        StructuredScript.linesFrom(lines)
                .title("Lab 04 WordLengthsStructured.totalWords")
                .outputMode("complete")
                .run(WordLengthsStructured::totalWords)
                .assertSameAs("WordLengthsDStream.totalWords", dstream);
    }
}
