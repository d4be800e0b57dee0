package streamlab.lab09;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import scala.Tuple2;
import streamlab.harness.MemoryInput;
import streamlab.harness.Rows;
import streamlab.harness.StreamResult;
import streamlab.harness.StructuredScript;

/**
 * Two memory streams for a stream-stream join: phone readings (columns {@code User, phone_time}) and
 * watch readings ({@code User, watch_time}). Each step adds its readings to both streams, then the
 * query processes all that is available (and the no-data batch a moved watermark asks for).
 */
final class PhoneAndWatch {

    /** A reading of a user at an event time. */
    record Reading(String user, Instant time) {
        @Override
        public String toString() {
            return user + " @" + Rows.render(List.of(time)).replaceAll("[()]", "");
        }
    }

    private static final Encoder<Tuple2<String, Timestamp>> ENCODER =
            Encoders.tuple(Encoders.STRING(), Encoders.TIMESTAMP());

    private final StructuredScript script;
    private MemoryInput<Tuple2<String, Timestamp>> phone;
    private MemoryInput<Tuple2<String, Timestamp>> watch;

    PhoneAndWatch(String exercise, BinaryOperator<Dataset<Row>> join) {
        this.script = StructuredScript.from(spark -> {
                    phone = MemoryInput.of(ENCODER, spark);
                    watch = MemoryInput.of(ENCODER, spark);
                    return join.apply(
                            phone.toDF().selectExpr("_1 AS User", "_2 AS phone_time"),
                            watch.toDF().selectExpr("_1 AS User", "_2 AS watch_time"));
                })
                .title("Lab 09 StreamJoinsStructured." + exercise)
                .outputMode("append");
    }

    static Reading reading(String user, Instant time) {
        return new Reading(user, time);
    }

    /** The next step: these phone readings and these watch readings arrive. */
    PhoneAndWatch step(List<Reading> phoneReadings, List<Reading> watchReadings) {
        script.then("phone " + phoneReadings + ", watch " + watchReadings, () -> {
            phone.add(rows(phoneReadings));
            watch.add(rows(watchReadings));
        });
        return this;
    }

    /** Reads {@code probe} of the query after every step (see {@link StructuredScript#probe}). */
    PhoneAndWatch probe(String name, Function<StreamingQuery, Object> probe) {
        script.probe(name, probe);
        return this;
    }

    StreamResult run() {
        return script.run(in -> in);
    }

    private static List<Tuple2<String, Timestamp>> rows(List<Reading> readings) {
        List<Tuple2<String, Timestamp>> rows = new ArrayList<>();
        for (Reading r : readings) {
            rows.add(new Tuple2<>(r.user(), Timestamp.from(r.time())));
        }
        return rows;
    }
}
