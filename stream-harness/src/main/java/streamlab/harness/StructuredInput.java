package streamlab.harness;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The input of a Structured script: a streaming DataFrame, and what each step does to it (adds a batch
 * of lines to a memory stream, writes a file into a watched folder, ...), with a description of it.
 */
record StructuredInput(Dataset<Row> frame, int size, IntConsumer adder, IntFunction<List<String>> describer) {

    /** One step of a script over a source of the test's own: what to do, and how to say it. */
    record Action(String description, Runnable action) {}

    void add(int i) {
        adder.accept(i);
    }

    List<String> describe(int i) {
        return describer.apply(i);
    }

    static StructuredInput lines(SparkSession spark, List<List<String>> batches) {
        MemoryInput<String> in = MemoryInput.of(Encoders.STRING(), spark);
        return new StructuredInput(
                in.toDF(), batches.size(), i -> in.add(batches.get(i)), i -> new ArrayList<>(batches.get(i)));
    }

    static StructuredInput events(SparkSession spark, List<List<StructuredScript.Event>> batches) {
        MemoryInput<Tuple2<Timestamp, String>> in =
                MemoryInput.of(Encoders.tuple(Encoders.TIMESTAMP(), Encoders.STRING()), spark);
        Dataset<Row> frame = in.toDF().selectExpr("_2 AS value", "_1 AS timestamp");
        return new StructuredInput(
                frame,
                batches.size(),
                i -> {
                    List<Tuple2<Timestamp, String>> batch = new ArrayList<>();
                    for (StructuredScript.Event e : batches.get(i)) {
                        batch.add(new Tuple2<>(Timestamp.from(e.time()), e.line()));
                    }
                    in.add(batch);
                },
                i -> batches.get(i).stream()
                        .map(StructuredScript.Event::toString)
                        .toList());
    }

    static StructuredInput source(SparkSession spark, Function<SparkSession, Dataset<Row>> source, List<Action> steps) {
        Dataset<Row> frame = source.apply(spark);
        if (frame == null) {
            throw new AssertionError("the source returned null instead of a Dataset");
        }
        return new StructuredInput(
                frame,
                steps.size(),
                i -> steps.get(i).action().run(),
                i -> List.of(steps.get(i).description()));
    }
}
