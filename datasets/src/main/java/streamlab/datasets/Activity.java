package streamlab.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A sample in the shape of the heterogeneity activity-recognition data of "Spark: The Definitive
 * Guide", ch. 21 (seed 001): JSON lines with Arrival_Time (epoch milliseconds), Creation_Time (epoch
 * nanoseconds, a little earlier), Device, Index, Model, User, gt (the activity) and the accelerometer's
 * x, y, z. Synthetic, drawn with a fixed seed: ten part files of 50 records, each file about 5 s of
 * readings later than the one before.
 */
final class Activity {

    static final int FILES = 10;
    static final int PER_FILE = 50;
    /** 2015-02-23 10:18:55.090 UTC, as the book's sample starts. */
    static final long START_MS = 1_424_686_735_090L;

    private static final String[][] DEVICES = {
        {"nexus4_1", "nexus4"},
        {"nexus4_2", "nexus4"},
        {"s3_1", "s3"},
        {"s3mini_1", "s3mini"},
        {"samsungold_1", "samsungold"},
    };
    private static final String[] USERS = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
    private static final String[] ACTIVITIES = {"stand", "sit", "walk", "bike", "stairsup", "stairsdown", "null"};

    private Activity() {}

    static void write(Path dir) {
        JsonLines.clear(dir);
        SplittableRandom random = new SplittableRandom(2015_02_23L);
        long index = 0;
        for (int f = 0; f < FILES; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < PER_FILE; i++, index++) {
                long arrival = START_MS + f * 5_000L + i * 100L + random.nextInt(50);
                long creation =
                        arrival * 1_000_000L - 1_000_000L * (5 + random.nextInt(40)) - random.nextInt(1_000_000);
                String[] device = DEVICES[random.nextInt(DEVICES.length)];
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("Arrival_Time", arrival);
                r.put("Creation_Time", creation);
                r.put("Device", device[0]);
                r.put("Index", index);
                r.put("Model", device[1]);
                r.put("User", USERS[random.nextInt(USERS.length)]);
                r.put("gt", ACTIVITIES[random.nextInt(ACTIVITIES.length)]);
                r.put("x", axis(random));
                r.put("y", axis(random));
                r.put("z", axis(random));
                lines.add(JsonLines.line(r));
            }
            JsonLines.write(dir.resolve(String.format("part-%05d.json", f)), lines);
        }
    }

    /** An acceleration in g, to four decimals (so the JSON number is exactly what it reads). */
    private static double axis(SplittableRandom random) {
        return (random.nextInt(40_001) - 20_000) / 10_000.0;
    }
}
