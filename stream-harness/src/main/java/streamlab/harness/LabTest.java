package streamlab.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import streamlab.support.Api;

/**
 * Marks a graded test class: which lab and which API it grades. The grader reads these to fill its
 * scoreboard (lab x API); the extension tells "not implemented" apart from a wrong answer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("graded")
@ExtendWith(GradingExtension.class)
public @interface LabTest {
    /** The lab number, two digits: {@code "01"}. */
    String lab();

    /** The API this class grades. */
    Api api();
}
