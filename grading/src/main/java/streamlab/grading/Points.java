package streamlab.grading;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Points per test, from {@code grading/points.properties}: a key per test
 * ({@code lab03.structured.append_mode_waits_for_the_watermark = 3}), else a key per lab and API
 * ({@code lab03.structured = 2}), else per lab ({@code lab03 = 2}), else {@code default}.
 */
final class Points {

    private final Properties values;
    private final Path file;

    private Points(Properties values, Path file) {
        this.values = values;
        this.file = file;
    }

    static Points load(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Points(p, file);
    }

    double of(String lab, String api, String test) {
        for (String key :
                new String[] {"lab" + lab + "." + api + "." + test, "lab" + lab + "." + api, "lab" + lab, "default"}) {
            String v = values.getProperty(key);
            if (v != null) {
                try {
                    return Double.parseDouble(v.trim());
                } catch (NumberFormatException e) {
                    throw new GradingException(file + ": '" + key + " = " + v + "' is not a number of points.");
                }
            }
        }
        return 1;
    }

    /** Keys that name no test, lab or API that exists: probably a typo or a renamed test. */
    java.util.List<String> unknownKeys(java.util.Set<String> knownKeys) {
        java.util.List<String> unknown = new java.util.ArrayList<>();
        for (String key : values.stringPropertyNames()) {
            String named = key.startsWith(Visibility.PREFIX) ? key.substring(Visibility.PREFIX.length()) : key;
            if (!named.equals("default") && !knownKeys.contains(named)) {
                unknown.add(key);
            }
        }
        java.util.Collections.sort(unknown);
        return unknown;
    }
}
