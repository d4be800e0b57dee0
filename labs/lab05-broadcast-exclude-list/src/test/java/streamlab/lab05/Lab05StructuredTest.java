package streamlab.lab05;

import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import streamlab.harness.LabTest;
import streamlab.harness.StreamResult;
import streamlab.harness.StructuredScript;
import streamlab.support.Api;

@LabTest(lab = "05", api = Api.STRUCTURED)
class Lab05StructuredTest {

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static StructuredScript script(List<String>... batches) {
        return StructuredScript.lines(batches)
                .metric(ExcludeStructured.METRIC)
                .title("Lab 05 ExcludeStructured.keptCounts (default exclude table: a an and in is it of the to)");
    }

    /** The exercise with the default words as its exclude table. */
    private static Dataset<Row> keptCounts(Dataset<Row> lines) {
        return ExcludeStructured.keptCounts(lines, ExcludeWords.table(lines.sparkSession(), ExcludeWords.DEFAULT));
    }

    @Test
    void leaves_the_excluded_words_out_and_reports_the_dropped_words_of_each_micro_batch() {
        StreamResult run = script(
                        List.of("The cat and the hat", "a cat"), List.of(), List.of("to be or not to be", "the cat"))
                .outputMode("complete")
                .run(Lab05StructuredTest::keptCounts);
        run.assertBatches(
                rows(row("cat", 2), row("hat", 1)),
                rows(row("cat", 2), row("hat", 1)),
                rows(row("cat", 3), row("hat", 1), row("be", 2), row("or", 1), row("not", 1)));
        // per micro-batch, not a running total: the, and, the, a; nothing; to, to, the
        run.observed().assertBatches(rows(row(4)), rows(row(0)), rows(row(3))).assertColumns("words");
        run.assertColumns("word", "count");
    }

    @Test
    void update_mode_sends_only_the_kept_words_that_changed() {
        StreamResult run = script(
                        List.of("The cat and the hat", "a cat"),
                        List.of("the the the"),
                        List.of("to be or not to be", "the cat"))
                .outputMode("update")
                .run(Lab05StructuredTest::keptCounts);
        run.assertBatches(
                rows(row("cat", 2), row("hat", 1)),
                none(),
                rows(row("cat", 3), row("be", 2), row("or", 1), row("not", 1)));
        run.observed().assertBatches(rows(row(4)), rows(row(3)), rows(row(3)));
    }

    @Test
    void matches_whole_words_whatever_the_case_punctuation_script_or_line_length() {
        String longLine = "the ".repeat(20_000) + "end";
        StreamResult run = script(List.of(
                        "The THE the, theatre Then",
                        "ANd an't an",
                        "",
                        "  \t ",
                        "It's it in Inn",
                        "Ça, c'est à toi 東京",
                        longLine))
                .outputMode("complete")
                .run(Lab05StructuredTest::keptCounts);
        run.assertBatches(rows(
                row("theatre", 1),
                row("then", 1),
                row("an't", 1),
                row("it's", 1),
                row("inn", 1),
                row("ça", 1),
                row("c'est", 1),
                row("à", 1),
                row("toi", 1),
                row("東京", 1),
                row("end", 1)));
        // the x3, and, an, it, in, and 20,000 times the
        run.observed().assertBatches(rows(row(20_007)));
    }

    @Test
    void leaves_out_the_words_of_the_table_it_is_given() {
        StreamResult run = script(List.of("Spark Streaming is fun"), List.of("the SPARK of DStreams"))
                .outputMode("complete")
                .run(lines -> ExcludeStructured.keptCounts(
                        lines, ExcludeWords.table(lines.sparkSession(), List.of("spark", "streaming", "dstream"))));
        run.assertBatches(
                rows(row("is", 1), row("fun", 1)),
                rows(row("is", 1), row("fun", 1), row("the", 1), row("of", 1), row("dstreams", 1)));
        run.observed().assertBatches(rows(row(2)), rows(row(1)));
    }

    @Test
    void counts_kept_and_dropped_words_of_both_partitions_of_every_micro_batch() {
        StreamResult run = script(
                        List.of("the cat the cat", "the cat the cat", "the cat the cat", "the cat the cat"),
                        List.of("cat the", "cat", "the cat the cat", "cat"))
                .outputMode("complete")
                .run(Lab05StructuredTest::keptCounts);
        run.assertBatches(rows(row("cat", 8)), rows(row("cat", 13)));
        run.observed().assertBatches(rows(row(8)), rows(row(3)));
    }
}
