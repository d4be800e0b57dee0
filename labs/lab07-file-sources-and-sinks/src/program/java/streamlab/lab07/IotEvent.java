package streamlab.lab07;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import org.apache.spark.sql.types.StructType;

/**
 * One IoT event of {@code datasets/iot}, a JSON line such as
 * {@code {"deviceId":"dev-01","temperature":107.8,"danger_level":"HIGH","timestamp":"2023-10-27T10:00:05Z"}}.
 *
 * <p>The same event described twice: as a Java record, for the DStream side (Jackson fills it from a
 * line; {@code danger_level} is named {@code dangerLevel} in Java), and as {@link #SCHEMA}, the
 * StructType a Structured Streaming file source needs before it reads a single file.
 */
public record IotEvent(
        String deviceId,
        Double temperature,
        @JsonProperty("danger_level") String dangerLevel,
        String timestamp) implements Serializable {

    /** The columns of an event for Structured Streaming; the timestamp is read as a TIMESTAMP. */
    public static final StructType SCHEMA =
            StructType.fromDDL("deviceId STRING, temperature DOUBLE, danger_level STRING, timestamp TIMESTAMP");
}
