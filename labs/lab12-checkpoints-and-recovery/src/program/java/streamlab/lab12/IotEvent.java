package streamlab.lab12;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;

/**
 * One IoT event of {@code datasets/iot}, a JSON line such as
 * {@code {"deviceId":"dev-01","temperature":107.8,"danger_level":"HIGH","timestamp":"2023-10-27T10:00:05Z"}}
 * (lab 07 reads the same files): as a Java record for the DStream side, and as {@link #SCHEMA} for a
 * Structured file source, which needs its schema before it reads a single file.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IotEvent(
        String deviceId,
        Double temperature,
        @JsonProperty("danger_level") String dangerLevel,
        String timestamp) implements Serializable {

    /** The columns of an event for Structured Streaming; the timestamp is read as a TIMESTAMP. */
    public static final StructType SCHEMA =
            StructType.fromDDL("deviceId STRING, temperature DOUBLE, danger_level STRING, timestamp TIMESTAMP");

    /** The same columns with the timestamp kept as the text of the line, to pass it on unchanged. */
    public static final StructType TEXT_SCHEMA =
            StructType.fromDDL("deviceId STRING, temperature DOUBLE, danger_level STRING, timestamp STRING");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The event of a JSON line, or empty for a line that is not one (not JSON, cut short, a wrong type). */
    public static Optional<IotEvent> parse(String line) {
        try {
            return Optional.ofNullable(JSON.readValue(line, IotEvent.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** True for an event whose danger level is exactly {@code HIGH}. */
    public boolean high() {
        return "HIGH".equals(dangerLevel);
    }
}
