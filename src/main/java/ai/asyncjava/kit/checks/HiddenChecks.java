package ai.asyncjava.kit.checks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 class as the hidden checks of one exercise. Its {@code @Test} methods are
 * the checks: each takes the learner's factory as a parameter, has a {@code @DisplayName}
 * that says in plain words what it checks, and an {@code @Order} that fixes its row in the
 * report. The harness bounds each check's time and polices the threads it leaves behind.
 *
 * <p>Run such a class only through {@link Exercise#check}, never directly: the factory
 * comes from the harness.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CheckHarness.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public @interface HiddenChecks {

    /** The most time one check may take before it is stopped and failed. */
    double secondsPerCheck() default 3;

    /** The most time all checks of the exercise may take together; feedback must be fast. */
    double secondsInAll() default 10;
}
