package ai.asyncjava.kit.checks;

import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which checks {@link Exercise#check} runs: all of them, unless the grader narrowed them down
 * to re-run one failing check alone. A check left out is missing from the report, so the grader
 * (which knows every exercise's checks) counts it as not passed.
 */
public final class CheckSelection {

    private static volatile Set<String> onlyMethods;

    private CheckSelection() {}

    /** From now on, run only the checks with these method names. */
    public static void only(Collection<String> checkMethods) {
        onlyMethods = Set.copyOf(checkMethods);
    }

    /** From now on, run every check again. */
    public static void all() {
        onlyMethods = null;
    }

    static Predicate<String> current() {
        Set<String> only = onlyMethods;
        return only == null ? method -> true : only::contains;
    }
}
