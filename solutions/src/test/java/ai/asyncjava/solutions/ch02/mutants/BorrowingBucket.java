package ai.asyncjava.solutions.ch02.mutants;

import java.util.concurrent.TimeUnit;

/** Mutant: takes its token at once, going into debt, and sleeps the debt off; an interrupted waiter keeps the token it borrowed. */
public class BorrowingBucket extends BucketMutant {

    public BorrowingBucket(int capacity, double tokensPerSecond) {
        super(capacity, tokensPerSecond);
    }

    @Override
    public void acquire() throws InterruptedException {
        long waitNanos;
        lock.lock();
        try {
            refill(System.nanoTime());
            tokens -= 1;
            waitNanos = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
        } finally {
            lock.unlock();
        }
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
