package ai.asyncjava.kit.checks;

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
        return CheckRunner.run(this, factory);
    }

    /** Runs only the named checks (display names): a mutant needs only the checks that must catch it. */
    CheckReport checkOnly(Object factory, java.util.Collection<String> checks) {
        return CheckRunner.run(this, factory, checks::contains);
    }
}
