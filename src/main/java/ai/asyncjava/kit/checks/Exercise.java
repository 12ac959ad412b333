package ai.asyncjava.kit.checks;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One exercise: its title as the learner knows it and the class holding its hidden checks.
 * Chapter entry points (such as {@code Chapter00.checkFanOut}) wrap one of these so that a
 * notebook passes a factory of the right type.
 *
 * @param title      what the report is headed with
 * @param checkClass a class annotated with {@link HiddenChecks}
 */
public record Exercise(String title, Class<?> checkClass) {

    public Exercise {
        if (!checkClass.isAnnotationPresent(HiddenChecks.class)) {
            throw new IllegalArgumentException(checkClass.getName() + " is not annotated with @HiddenChecks");
        }
    }

    /**
     * Runs every check of this exercise against implementations made by {@code factory}
     * and returns the report; a notebook shows it when it is a cell's last expression.
     */
    public CheckReport check(Object factory) {
        return CheckRunner.run(this, factory, CheckSelection.current());
    }

    /** Runs only the checks with these method names: a mutant needs only the checks that must catch it. */
    CheckReport checkOnly(Object factory, Collection<String> checkMethods) {
        return CheckRunner.run(this, factory, checkMethods::contains);
    }

    /** The check methods of this exercise, by method name, with the display name of each: its row in the report. */
    public Map<String, String> checksByMethod() {
        Map<String, String> checks = new LinkedHashMap<>();
        Arrays.stream(checkClass.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .sorted(Comparator.comparingInt(m -> m.isAnnotationPresent(Order.class) ? m.getAnnotation(Order.class).value() : 0))
                .forEach(m -> checks.put(m.getName(), m.isAnnotationPresent(DisplayName.class)
                        ? m.getAnnotation(DisplayName.class).value() : m.getName()));
        return checks;
    }
}
