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
 *
 * <p>A class of one API calls only that API's exercises. A class with {@code api = Api.BOTH} compares
 * the two APIs' answers on the same input; it is scored in a column of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("graded")
@ExtendWith(GradingExtension.class)
public @interface LabTest {
    /** The lab number, two digits: {@code "01"}. */
    String lab();

    /** The API this class grades: DSTREAM, STRUCTURED, or BOTH for the comparisons of the two. */
    Api api();
}
