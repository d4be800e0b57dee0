package streamlab.grading;

import java.io.PrintStream;

/** A student's view of a check: every test, and for what failed the whole report of the test. */
final class SelfCheck {

    private SelfCheck() {}

    static int print(SubmissionGrader.Graded graded, PrintStream out) {
        int passed = 0;
        int failed = 0;
        int missing = 0;
        out.println();
        for (TestResult o : graded.outcomes()) {
            String where = "lab " + o.lab() + " " + o.api() + ": " + o.test().replace('_', ' ');
            switch (o.status()) {
                case PASSED -> {
                    passed++;
                    out.println("  ok    " + where);
                }
                case NOT_IMPLEMENTED -> {
                    missing++;
                    out.println("  todo  " + where + "\n        " + Scoreboard.firstLine(o.message()));
                }
                default -> {
                    failed++;
                    out.println("  FAIL  " + where + " (" + o.status().label() + ")");
                    out.println(indent(o.message()));
                }
            }
        }
        out.println();
        if (failed == 0 && missing == 0) {
            out.println("Everything passes. Well done!");
        } else if (failed == 0) {
            out.println(missing + " test(s) wait for a TODO to be filled in.");
        }
        out.printf("check: %d passed, %d failed%n", passed, failed + missing);
        return failed + missing == 0 ? 0 : 1;
    }

    private static String indent(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        text.strip().lines().forEach(l -> sb.append("        ").append(l).append('\n'));
        return sb.toString();
    }
}
