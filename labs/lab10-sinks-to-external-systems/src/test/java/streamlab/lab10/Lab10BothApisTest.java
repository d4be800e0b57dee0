package streamlab.lab10;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamlab.harness.LabTest;
import streamlab.harness.Rows;
import streamlab.harness.StreamResult;
import streamlab.support.Api;

/** The two APIs side by side: the same rows in the database for the same batches (scored apart). */
@LabTest(lab = "10", api = Api.BOTH)
class Lab10BothApisTest {

    @RegisterExtension
    final LabDatabase database = LabDatabase.withPool();

    @Test
    void both_apis_write_the_same_counts_for_each_batch() throws Exception {
        List<List<String>> batches = List.of(
                List.of("The cat sat on the mat", "the cat"),
                List.of(),
                List.of("to be or not to be", "that is the question"));
        DbSettings structuredTable = database.counts();
        try (QueryRun run = QueryRun.of(
                "Lab 10 WordCountsStructured.sink", lines -> WordCountsStructured.sink(lines, structuredTable))) {
            for (List<String> batch : batches) {
                run.step(batch.toArray(String[]::new));
            }
        }
        List<List<List<Object>>> structured = new ArrayList<>();
        for (long batchId = 0; batchId < batches.size(); batchId++) {
            List<List<Object>> rows = new ArrayList<>();
            WordTables.readBatch(structuredTable, batchId).forEach(r -> rows.add(Rows.asRow(r)));
            structured.add(rows);
        }
        DbSettings dstreamTable = database.createCountsTable("word_counts_dstream");
        StreamResult dstream = Lab10DStreamTest.write(
                "writeWithPool (expected: the rows WordCountsStructured.sink" + " wrote for the same batches)",
                dstreamTable,
                null,
                null,
                WriteOutDStream::writeWithPool,
                batches);
        @SuppressWarnings({"unchecked", "rawtypes"}) // an array of List<...> can only be made as a raw List[]
        List<List<Object>>[] expected = structured.toArray(new List[0]);
        dstream.assertBatches(expected);
    }
}
