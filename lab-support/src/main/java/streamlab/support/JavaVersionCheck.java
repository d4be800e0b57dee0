package streamlab.support;

/** Refuses, with one sentence, the Java versions on which Spark 4.1 cannot checkpoint. */
public final class JavaVersionCheck {

    private JavaVersionCheck() {}

    /** The sentence, or null when this Java is fine. */
    public static String problem(int feature) {
        if (feature >= 25) {
            return "Java " + feature + " is too new for this lab: on Java 25 and later every Spark checkpoint"
                    + " and Structured query fails inside Hadoop (getSubject is not supported)."
                    + " Run it with a JDK 17 (JAVA_HOME).";
        }
        if (feature < 17) {
            return "Java " + feature + " is too old for this lab: Spark 4.1 needs Java 17. Run it with a JDK 17.";
        }
        return null;
    }

    /** Throws a {@link LabUsageException} on an unsupported Java. */
    public static void requireSupported() {
        String problem = problem(Runtime.version().feature());
        if (problem != null) {
            throw new LabUsageException(problem);
        }
    }
}
