package streamlab.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Zipcode records in the shape of seed 000's file stream: JSON lines with 16 fields (RecordNumber,
 * Zipcode, ZipCodeType, City, State, LocationType, Lat, Long, Xaxis, Yaxis, Zaxis, WorldRegion, Country,
 * LocationText, Location, Decommisioned), all strings but RecordNumber. Synthetic: real place names with
 * approximate coordinates, the rest drawn with a fixed seed. Six files of 20 records; the fourth also has
 * three malformed lines (cut short, not JSON at all, a RecordNumber that is not a number).
 */
final class Zipcodes {

    static final int FILES = 6;
    static final int PER_FILE = 20;

    /** City, state, zip, latitude, longitude. */
    private static final String[][] PLACES = {
        {"PARC PARQUE", "PR", "704", "17.96", "-66.22"},
        {"PASEO COSTA DEL SUR", "PR", "704", "17.96", "-66.22"},
        {"BDA SAN LUIS", "PR", "709", "18.14", "-66.26"},
        {"CINGULAR WIRELESS", "TX", "76166", "32.72", "-97.31"},
        {"FORT WORTH", "TX", "76177", "32.75", "-97.33"},
        {"FT WORTH", "TX", "76177", "32.75", "-97.33"},
        {"URB EUGENE RICE", "PR", "704", "17.96", "-66.22"},
        {"MESA", "AZ", "85209", "33.37", "-111.64"},
        {"MESA", "AZ", "85210", "33.38", "-111.84"},
        {"HILLIARD", "FL", "32046", "30.69", "-81.92"},
        {"HOLDER", "FL", "34445", "28.96", "-82.41"},
        {"HOLT", "FL", "32564", "30.72", "-86.67"},
        {"HOMOSASSA", "FL", "34487", "28.78", "-82.61"},
        {"BRANDYWINE", "MD", "20613", "38.66", "-76.84"},
        {"PORT TOBACCO", "MD", "20677", "38.51", "-77.04"},
        {"SPRING LAKE", "NC", "28390", "35.16", "-78.97"},
        {"SPRINGFIELD", "IL", "62701", "39.80", "-89.64"},
        {"SALEM", "OR", "97301", "44.94", "-123.03"},
        {"ASHEVILLE", "NC", "28801", "35.59", "-82.55"},
        {"BURLINGTON", "VT", "05401", "44.48", "-73.21"},
    };

    private static final String[] TYPES = {"STANDARD", "STANDARD", "STANDARD", "UNIQUE", "PO BOX", "MILITARY"};
    private static final String[] LOCATION_TYPES = {"PRIMARY", "PRIMARY", "ACCEPTABLE", "NOT ACCEPTABLE"};

    private Zipcodes() {}

    static void write(Path dir) {
        JsonLines.clear(dir);
        SplittableRandom random = new SplittableRandom(2022_05_11L);
        int record = 1;
        for (int f = 1; f <= FILES; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < PER_FILE; i++) {
                lines.add(JsonLines.line(record(record++, random)));
                if (f == 4 && i == 5) {
                    lines.add("{\"RecordNumber\":1000,\"Zipcode\":\"704\",\"ZipCodeType\":\"STAND");
                }
                if (f == 4 && i == 11) {
                    lines.add("this line is not JSON");
                }
                if (f == 4 && i == 17) {
                    Map<String, Object> wrongType = record(1002, random);
                    wrongType.put("RecordNumber", "one thousand and two");
                    lines.add(JsonLines.line(wrongType));
                }
            }
            JsonLines.write(dir.resolve("zipcode" + f + ".json"), lines);
        }
    }

    private static Map<String, Object> record(int number, SplittableRandom random) {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        double lat = Double.parseDouble(place[3]);
        double lon = Double.parseDouble(place[4]);
        String city = place[0];
        String state = place[1];
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("RecordNumber", number);
        r.put("Zipcode", place[2]);
        r.put("ZipCodeType", TYPES[random.nextInt(TYPES.length)]);
        r.put("City", city);
        r.put("State", state);
        r.put("LocationType", LOCATION_TYPES[random.nextInt(LOCATION_TYPES.length)]);
        r.put("Lat", place[3]);
        r.put("Long", place[4]);
        r.put("Xaxis", decimal(Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(lon))));
        r.put("Yaxis", decimal(Math.cos(Math.toRadians(lat)) * Math.sin(Math.toRadians(lon))));
        r.put("Zaxis", decimal(Math.sin(Math.toRadians(lat))));
        r.put("WorldRegion", "NA");
        r.put("Country", "US");
        r.put("LocationText", titleCase(city) + ", " + state);
        r.put("Location", "NA-US-" + state + "-" + city);
        r.put("Decommisioned", random.nextInt(10) == 0 ? "true" : "false");
        return r;
    }

    private static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String titleCase(String words) {
        StringBuilder out = new StringBuilder();
        for (String w : words.toLowerCase(Locale.ROOT).split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return out.toString();
    }
}
