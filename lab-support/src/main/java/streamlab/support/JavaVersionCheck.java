package streamlab.support;

/**
 * The Java versions this lab runs on: 17 to 25 (Spark 4.2's range, tested on 17 and 25). Older ones are
 * refused with one sentence; newer ones get a warning, since nobody has tried Spark on them yet.
 */
public final class JavaVersionCheck {

    /** The newest Java the lab has been tested on. */
    static final int NEWEST_TESTED = 25;

    private JavaVersionCheck() {}

    /** The sentence that refuses this Java, or null when it may run. */
    public static String problem(int feature) {
        if (feature < 17) {
            return "Java " + feature + " is too old for this lab: Spark 4.2 needs Java 17 or later."
                    + " Run it with a JDK 17, 21 or 25 (JAVA_HOME).";
        }
        return null;
    }

    /** The warning for a Java newer than the lab was tested on, or null. */
    public static String warning(int feature) {
        if (feature > NEWEST_TESTED) {
            return "Warning: Java " + feature + " is newer than this lab was tested on (17 to " + NEWEST_TESTED
                    + "); if Spark fails in a strange way, run it with a JDK 17, 21 or 25 (JAVA_HOME).";
        }
        return null;
    }

    /** Throws a {@link LabUsageException} on an unsupported Java; prints a warning on an untested one. */
    public static void requireSupported() {
        int feature = Runtime.version().feature();
        String problem = problem(feature);
        if (problem != null) {
            throw new LabUsageException(problem);
        }
        String warning = warning(feature);
        if (warning != null) {
            System.err.println(warning);
        }
    }
}
