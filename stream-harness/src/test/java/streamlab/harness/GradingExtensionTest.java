package streamlab.harness;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import streamlab.support.Api;
import streamlab.support.MissingSolutionException;

/** "Not implemented" fails a graded test, or skips it in a student's build; a wrong answer always fails. */
class GradingExtensionTest {

    @LabTest(lab = "99", api = Api.DSTREAM)
    static class ASkeleton {
        @Test
        void todo_left() {
            throw new MissingSolutionException("Lab 99: fill in the TODO.");
        }

        @Test
        void wrong_answer() {
            throw new AssertionError("expected (a, 2) but was (a, 1)");
        }

        @Test
        void right_answer() {}
    }

    @AfterEach
    void default_mode_again() {
        System.clearProperty(GradingExtension.MISSING_PROPERTY);
    }

    private static Events run() {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ASkeleton.class))
                .execute()
                .testEvents();
    }

    @Test
    void by_default_a_missing_solution_fails_the_test() {
        run().assertStatistics(s -> s.started(3).succeeded(1).failed(2).aborted(0));
    }

    @Test
    void in_a_student_build_a_missing_solution_is_skipped_with_its_hint_and_a_wrong_answer_still_fails() {
        System.setProperty(GradingExtension.MISSING_PROPERTY, GradingExtension.SKIP);
        Events events = run();
        events.assertStatistics(s -> s.started(3).succeeded(1).failed(1).aborted(1));
        events.aborted()
                .assertThatEvents()
                .allSatisfy(e -> org.assertj.core.api.Assertions.assertThat(
                                e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                                        .orElseThrow()
                                        .getThrowable()
                                        .orElseThrow()
                                        .getMessage())
                        .startsWith("Not implemented yet. Lab 99: fill in the TODO."));
    }
}
