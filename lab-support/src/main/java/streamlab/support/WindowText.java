package streamlab.support;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * For a lab program's console output: a time window column ({@code window}, a struct start, end, as
 * {@code functions.window} makes it) shown as {@code 10:15:02-10:15:07}, in the local time zone.
 */
public final class WindowText {

    private WindowText() {}

    /** {@code table} with its {@code window} column as text; a table without one is returned as it is. */
    public static Dataset<Row> readable(Dataset<Row> table) {
        if (!Arrays.asList(table.columns()).contains("window")) {
            return table;
        }
        return table.withColumn(
                "window",
                concat(
                        date_format(col("window.start"), "HH:mm:ss"),
                        lit("-"),
                        date_format(col("window.end"), "HH:mm:ss")));
    }
}
