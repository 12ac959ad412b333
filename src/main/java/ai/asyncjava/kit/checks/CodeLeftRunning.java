package ai.asyncjava.kit.checks;

import java.util.Optional;

/**
 * Whether a check of this JVM left learner code running that Java could not stop (a busy loop,
 * a wait that ignores interrupts). Such code keeps a core busy and skews every later timing,
 * so the grader starts a fresh JVM for the exercises after it.
 */
public final class CodeLeftRunning {

    private static volatile String where;

    private CodeLeftRunning() {}

    static void record(String place) {
        where = place;
    }

    /** Where the code was when it was abandoned; empty when nothing was left running. */
    public static Optional<String> where() {
        return Optional.ofNullable(where);
    }
}
