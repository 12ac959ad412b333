package ai.asyncjava.kit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * JShell's local execution joins every thread of the snippet's group that exists once it has
 * started the snippet; user code that starts a thread before that moment is joined until that
 * thread ends (a CI run hung on a simulator's threads). The course's control runs user code only
 * once JShell is already waiting for the snippet's own thread. (A test that JShell's own control
 * shows the race is not kept: a race that a busy machine hides would fail it by luck, as it did in CI.)
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
}
