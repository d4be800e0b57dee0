package streamlab.harness;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import streamlab.support.MissingSolutionException;

/**
 * Two modes, chosen by the system property {@value #EXPECT_PROPERTY}:
 *
 * <ul>
 *   <li>normal (unset): a test passes or fails on its assertions; an unfilled TODO fails it with the
 *       skeleton's {@link MissingSolutionException}, which reports show as "not implemented";</li>
 *   <li>{@value #NOT_IMPLEMENTED} (the build of the untouched skeletons): a test passes only if it ends
 *       with a missing solution. A test that passes on a skeleton could never fail, and a test that
 *       fails for any other reason is broken; both are reported.</li>
 * </ul>
 */
public final class GradingExtension implements TestExecutionExceptionHandler, AfterTestExecutionCallback,
        AfterEachCallback {

    public static final String EXPECT_PROPERTY = "streamlab.expect";
    public static final String NOT_IMPLEMENTED = "not-implemented";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(GradingExtension.class);

    private static boolean expectingNotImplemented() {
        return NOT_IMPLEMENTED.equals(System.getProperty(EXPECT_PROPERTY));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (!expectingNotImplemented()) {
            throw throwable;
        }
        if (MissingSolutionException.isMissingSolution(throwable)) {
            context.getStore(NS).put("missing", Boolean.TRUE);
            return;
        }
        throw new AssertionError("On the untouched skeleton this test must end with \"not implemented\","
                + " but it failed with: " + throwable, throwable);
    }

    /**
     * Leaves nothing running for the next test: a test that timed out may have abandoned its thread
     * with a StreamingContext or a query still active (only one StreamingContext may run per JVM).
     */
    @Override
    public void afterEach(ExtensionContext context) {
        TestSpark.stopEverythingRunning();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (expectingNotImplemented()
                && context.getExecutionException().isEmpty()
                && !Boolean.TRUE.equals(context.getStore(NS).get("missing"))) {
            throw new AssertionError("This test passed on the untouched skeleton, so it cannot tell a missing"
                    + " answer from a right one. (Working on the labs yourself? This check is for the pristine"
                    + " skeletons; check your own work with ./check instead.)");
        }
    }
}
