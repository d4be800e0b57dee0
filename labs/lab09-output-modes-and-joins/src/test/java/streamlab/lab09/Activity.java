package streamlab.lab09;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import streamlab.harness.TestSpark;

/** Activity readings for the tests: JSON lines as the files hold them, and their parsing with the lab's schema. */
final class Activity {

    private Activity() {}

    /**
     * One reading as a JSON line: user, activity (null for a reading without {@code gt}), model, x, and
     * its creation time in seconds after the epoch (stored in nanoseconds, arrival 5 ms later).
     */
    static String reading(String user, String gt, String model, double x, double createdSeconds) {
        long createdNs = Math.round(createdSeconds * 1000) * 1_000_000L + 123_456;
        long arrivalMs = Math.round(createdSeconds * 1000) + 5;
        String activity = gt == null ? "" : String.format("\"gt\":\"%s\",", gt);
        return String.format(
                Locale.ROOT,
                "{\"Arrival_Time\":%d,\"Creation_Time\":%d,\"Device\":\"%s_1\",\"Index\":0,"
                        + "\"Model\":\"%s\",\"User\":\"%s\",%s\"x\":%s,\"y\":%s,\"z\":%s}",
                arrivalMs,
                createdNs,
                model,
                model,
                user,
                activity,
                x,
                2 * x,
                -x);
    }

    /** A reading created at 0 s. */
    static String reading(String user, String gt, String model, double x) {
        return reading(user, gt, model, x, 0);
    }

    /** A stream of JSON lines (column {@code value}) as the activity table a file source with the schema gives. */
    static Dataset<Row> parse(Dataset<Row> lines) {
        return lines.select(from_json(col("value"), StructType.fromDDL(ActivityStructured.SCHEMA))
                        .as("r"))
                .select("r.*");
    }

    /** JSON lines read as a static table with the lab's schema. */
    static Dataset<Row> table(List<String> lines) {
        return TestSpark.session()
                .read()
                .schema(ActivityStructured.SCHEMA)
                .json(TestSpark.session().createDataset(lines, Encoders.STRING()));
    }
}
