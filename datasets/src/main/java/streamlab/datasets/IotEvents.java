package streamlab.datasets;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * IoT events in the shape of seed 004's file stream: JSON lines with deviceId, temperature,
 * danger_level (LOW below 50, MEDIUM up to 90, HIGH above) and an ISO-8601 UTC timestamp, one event
 * every 5 s of 2023-10-27 from 10:00:00. Six files of ten events, in time order.
 */
final class IotEvents {

    static final int FILES = 6;
    static final int PER_FILE = 10;
    static final Instant START = Instant.parse("2023-10-27T10:00:00Z");

    private IotEvents() {}

    static void write(Path dir) {
        JsonLines.clear(dir);
        SplittableRandom random = new SplittableRandom(2023_10_27L);
        int n = 0;
        for (int f = 1; f <= FILES; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < PER_FILE; i++, n++) {
                // tenths of a degree, so the JSON number is exactly what it reads
                double temperature = (150 + random.nextInt(950)) / 10.0;
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("deviceId", String.format("dev-%02d", 1 + random.nextInt(6)));
                e.put("temperature", temperature);
                e.put("danger_level", temperature > 90 ? "HIGH" : temperature >= 50 ? "MEDIUM" : "LOW");
                e.put("timestamp", START.plusSeconds(5L * n).toString());
                lines.add(JsonLines.line(e));
            }
            JsonLines.write(dir.resolve(String.format("events-%02d.json", f)), lines);
        }
    }
}
