package streamlab.harness;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;
import streamlab.support.MissingSolutionException;

/**
 * What a graded test that meets an unfilled TODO reports, chosen by the system property
 * {@value #MISSING_PROPERTY}:
 *
 * <ul>
 *   <li>{@code fail} (the default: the grader, {@code ./check}, the reference solutions): the test fails
 *       with the skeleton's {@link MissingSolutionException}, which reports show as "not implemented";</li>
 *   <li>{@value #SKIP} (the build of {@code labs/}, a student's working copy): the test is skipped with
 *       that message, so a student's build is green while labs are still to do, and shows the results
 *       of the labs they have done.</li>
 * </ul>
 *
 * <p>In a working copy's build ({@value #SKIP}), a lab whose {@code src/main} is still the untouched
 * skeleton has its graded tests skipped at once, without starting Spark: each of them could only meet a
 * TODO (the grader's build proves that by running them on the skeletons).
 *
 * <p>After every test it also stops whatever the test left running (a test that timed out may have
 * abandoned a StreamingContext or a query; only one StreamingContext may run per JVM).
 */
public final class GradingExtension implements ExecutionCondition, TestExecutionExceptionHandler, AfterEachCallback {

    public static final String MISSING_PROPERTY = "streamlab.missing";
    public static final String SKIP = "skip";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (SKIP.equals(System.getProperty(MISSING_PROPERTY))) {
            return UntouchedSkeleton.check()
                    .map(ConditionEvaluationResult::disabled)
                    .orElseGet(() -> ConditionEvaluationResult.enabled("the lab's exercises are there to run"));
        }
        return ConditionEvaluationResult.enabled("graded as written");
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (SKIP.equals(System.getProperty(MISSING_PROPERTY))
                && MissingSolutionException.isMissingSolution(throwable)) {
            throw new TestAbortedException(MissingSolutionException.messageOf(throwable));
        }
        throw throwable;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestSpark.stopEverythingRunning();
    }
}
