package streamlab.lab09;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import streamlab.support.LabUsageException;

/** The checks of Lab09's --activity folder: a missing folder, or one without activity readings, is one sentence. */
final class ActivityFolder {

    private ActivityFolder() {}

    /** The folder's .json files, in name order; a missing or empty folder is a usage error. */
    static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new LabUsageException("There is no folder " + folder + ": give --activity a folder of activity"
                    + " JSON files, such as datasets/activity.");
        }
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> files = listing.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new LabUsageException(folder + " holds no .json files: give --activity a folder of activity"
                        + " JSON files, such as datasets/activity.");
            }
            return files;
        }
    }

    /** The book's static read: the schema Spark finds in the files must be the activity readings'. */
    static void checkSchema(SparkSession spark, Path folder) {
        List<String> columns;
        try {
            columns = List.of(spark.read().json(folder.toString()).columns());
        } catch (Exception e) {
            throw notActivity(folder, e instanceof AnalysisException ? e.getMessage() : e.toString());
        }
        if (!columns.containsAll(List.of("gt", "Creation_Time", "User", "x"))) {
            throw notActivity(folder, "its columns are " + columns);
        }
        System.out.println("== the static read finds the columns " + columns);
    }

    private static LabUsageException notActivity(Path folder, String why) {
        return new LabUsageException(folder + " does not hold activity readings (JSON lines with gt, Creation_Time,"
                + " User, x, ...; see datasets/README.md): "
                + why.lines().findFirst().orElse(why));
    }
}
