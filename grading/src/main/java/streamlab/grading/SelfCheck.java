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
            switch (o.status()) {
                case PASSED -> passed++;
                case NOT_IMPLEMENTED -> missing++;
                default -> failed++;
            }
            out.println(report(o));
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

    /**
     * What {@code ./check} prints for one test: ok, todo (with the reason's first line), or FAIL with the
     * test's whole report (the input, the expected and the actual rows). The platforms' results show it too.
     */
    static String report(TestResult o) {
        String where = "lab " + o.lab() + " " + o.api() + ": " + name(o);
        return switch (o.status()) {
            case PASSED -> "  ok    " + where;
            case NOT_IMPLEMENTED -> "  todo  " + where + "\n        " + Scoreboard.firstLine(o.message());
            default -> "  FAIL  " + where + " (" + o.status().label() + ")\n" + indent(o.message());
        };
    }

    /** A test's name as a sentence: {@code counts words} for {@code counts_words}. */
    static String name(TestResult o) {
        return o.test().replace('_', ' ');
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
