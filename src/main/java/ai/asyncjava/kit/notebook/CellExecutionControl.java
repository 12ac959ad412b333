package ai.asyncjava.kit.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution, without its race. {@link LocalExecutionControl} runs each snippet on a
 * new thread, then lists the threads of that thread's group and joins every one. On a busy machine
 * the snippet can start threads of its own before the list is taken: a cell that starts a server
 * (a simulator's HTTP dispatcher and timer threads) is then waited for until the server stops, that
 * is for ever. Here the snippet waits, before any user code runs, until JShell's thread has taken
 * the list and is joining it, so only the snippet's own thread is ever joined. Everything else
 * (the bytecode's stop checks, {@code stop()}) is JShell's own.
 */
final class CellExecutionControl extends LocalExecutionControl {

    /** The snippet to run and the JShell thread that waits for it; inherited by the snippet's thread. */
    private record Pending(Method doit, Thread invoker) {}

    private static final InheritableThreadLocal<Pending> PENDING = new InheritableThreadLocal<>();

    private static final Method GATE;

    static {
        try {
            GATE = CellExecutionControl.class.getDeclaredMethod("gate");
            GATE.setAccessible(true); // JShell invokes it reflectively from its own module
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The provider to hand {@code JShell.builder().executionEngine(...)}. */
    static ExecutionControlProvider provider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "course-cells";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return new CellExecutionControl();
            }
        };
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        PENDING.set(new Pending(doitMethod, Thread.currentThread()));
        try {
            return super.invoke(GATE); // JShell's snippet thread inherits PENDING and runs gate()
        } finally {
            PENDING.remove();
        }
    }

    /** Runs on the snippet's thread: waits until JShell is joining it, then runs the snippet. */
    @SuppressWarnings("unused") // invoked reflectively, by JShell
    private static Object gate() throws Throwable {
        Pending pending = PENDING.get();
        while (pending.invoker().getState() != Thread.State.WAITING) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50)); // microseconds, once per snippet
        }
        try {
            return pending.doit().invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // JShell wraps it again, as it would have
        }
    }
}
