package streamlab.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import streamlab.support.Api;

/**
 * How long each lab's graded tests of each API took the last time they all ran: the grading JVMs take
 * the longest labs first, so that they finish together. Kept in a properties file
 * ({@code lab07.structured = 12.4}); a lab never timed is estimated from its number of tests.
 */
final class LabTimes {

    private final Path file;
    private final Properties seconds = new Properties();

    LabTimes(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                seconds.load(in);
            } catch (IOException | IllegalArgumentException e) {
                seconds.clear(); // only an estimate: start again
            }
        }
    }

    /** The labs, the longest first (by their last timing, else by their tests' weight in {@code index}). */
    List<LabCatalog.Lab> longestFirst(List<LabCatalog.Lab> labs, Api api, SuiteIndex index) {
        Map<String, Double> estimate = new TreeMap<>();
        for (LabCatalog.Lab lab : labs) {
            double sum = 0;
            for (String apiLabel : index.of(lab, api).stream()
                    .map(SuiteIndex.Entry::api)
                    .distinct()
                    .toList()) {
                String timed = seconds.getProperty("lab" + lab.number() + "." + apiLabel);
                if (timed == null) {
                    sum = index.weight(lab.number(), api) * 0.4; // never timed: about 0.4 s per unit of weight
                    break;
                }
                sum += Double.parseDouble(timed);
            }
            estimate.put(lab.number(), sum);
        }
        return labs.stream()
                .sorted((a, b) -> Double.compare(estimate.get(b.number()), estimate.get(a.number())))
                .toList();
    }

    /** Keeps the times of every lab and API whose tests all ran to the end in {@code outcomes}. */
    synchronized void learn(List<TestResult> outcomes) {
        Map<String, Double> sums = new TreeMap<>();
        Map<String, Boolean> complete = new TreeMap<>();
        for (TestResult o : outcomes) {
            String key = "lab" + o.lab() + "." + o.api();
            sums.merge(key, o.seconds(), Double::sum);
            boolean ran = o.status() == TestResult.Status.PASSED || o.status() == TestResult.Status.FAILED;
            complete.merge(key, ran, Boolean::logicalAnd);
        }
        sums.forEach((key, sum) -> {
            if (complete.get(key)) {
                seconds.setProperty(key, String.format(java.util.Locale.ROOT, "%.1f", sum));
            }
        });
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "lab-seconds", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                seconds.store(out, "seconds of each lab's graded tests, the last time they all ran");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
