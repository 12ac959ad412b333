package example.learner;

/** Two threads that take the same two locks in opposite orders: the classic deadlock. */
public final class Deadlocker implements Runnable {

    private final Object inbox = new Object();
    private final Object outbox = new Object();

    @Override
    public void run() {
        Thread first = new Thread(() -> lockBoth(inbox, outbox), "mover-1");
        Thread second = new Thread(() -> lockBoth(outbox, inbox), "mover-2");
        first.start();
        second.start();
        try {
            first.join();
            second.join();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static void lockBoth(Object a, Object b) {
        synchronized (a) {
            pause();
            synchronized (b) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
