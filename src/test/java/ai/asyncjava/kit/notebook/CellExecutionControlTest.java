package ai.asyncjava.kit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import jdk.jshell.execution.LocalExecutionControl;
import org.junit.jupiter.api.Test;

/**
 * JShell's local execution joins every thread of the snippet's group that exists once it has
 * started the snippet; user code that starts a thread before that moment is joined until that
 * thread ends (a CI run hung on a simulator's threads). The course's control runs user code only
 * once JShell is already waiting for the snippet's own thread.
 */
class CellExecutionControlTest {

    static volatile Thread invoker;
    static volatile Thread.State seen;

    /** The "user code": notes what the invoking thread was doing when it began. */
    public static Object probe() {
        seen = invoker.getState();
        return null;
    }

    @Test
    void userCodeStartsOnlyOnceJShellWaitsForIt() throws Exception {
        Method probe = CellExecutionControlTest.class.getMethod("probe");
        probe.setAccessible(true); // JShell calls it from its own module
        for (int i = 0; i < 50; i++) {
            invoker = Thread.currentThread();
            new CellExecutionControl().invoke(probe);
            assertEquals(Thread.State.WAITING, seen, "run " + (i + 1));
        }
    }

    /** The race it removes: JShell's own control lets user code start while JShell is still busy. */
    @Test
    void jshellsOwnControlStartsUserCodeBeforeItWaits() throws Exception {
        Method probe = CellExecutionControlTest.class.getMethod("probe");
        probe.setAccessible(true); // JShell calls it from its own module
        int early = 0;
        for (int i = 0; i < 50; i++) {
            invoker = Thread.currentThread();
            new LocalExecutionControl() {
                String run() throws Exception {
                    return invoke(probe);
                }
            }.run();
            early += seen == Thread.State.WAITING ? 0 : 1;
        }
        org.junit.jupiter.api.Assertions.assertTrue(early > 0,
                "JShell's own control never started user code before waiting: the race this class removes is gone");
    }
}
