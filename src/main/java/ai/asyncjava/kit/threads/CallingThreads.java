package ai.asyncjava.kit.threads;

import java.util.function.Consumer;

/**
 * Where the kit's fakes report the threads that call them. Virtual threads belong to no thread
 * group that can be listed, so a check learns which threads the learner's code started only
 * when those threads call into something of the kit's: a fake service, a recording client.
 *
 * <p>This sits below every other package of the kit so that the fakes (in {@code exercises}
 * and {@code trace}) need not depend on the checks, which listen here while a check runs.
 */
public final class CallingThreads {

    private static volatile Consumer<Thread> listener;

    private CallingThreads() {}

    /** Reports the calling thread to the check that is running, if any; outside a check it does nothing. */
    public static void noteCurrentThread() {
        Consumer<Thread> current = listener;
        if (current != null) {
            current.accept(Thread.currentThread());
        }
    }

    /** Sends the threads noted from now on to {@code newListener}; {@code null} stops listening. */
    public static void listen(Consumer<Thread> newListener) {
        listener = newListener;
    }
}
