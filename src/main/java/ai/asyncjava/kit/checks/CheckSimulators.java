package ai.asyncjava.kit.checks;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.simulators.gemini.GeminiClients;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import ai.asyncjava.kit.simulators.retrieval.RetrievalConfig;
import ai.asyncjava.kit.simulators.retrieval.RetrievalSimulator;
import ai.asyncjava.kit.simulators.shop.ShopConfig;
import ai.asyncjava.kit.simulators.shop.ShopSimulator;
import com.google.genai.Client;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the simulators that checks run learner code against, the same way for every chapter.
 *
 * <p>Two rules make a check's measurements fair. A simulator (and any client the check makes for
 * it) is started outside the check's thread group, so its server and connection threads are never
 * taken for threads the learner's code left running. And the first model call in a JVM loads a
 * few thousand classes (the SDK, Jackson, OkHttp, Kotlin), seconds on a busy machine that are
 * not the learner's to pay, so the SDK is warmed up once per JVM before any check's clock runs.
 */
public final class CheckSimulators {

    private static final AtomicBoolean SDK_WARMED_UP = new AtomicBoolean();

    private CheckSimulators() {}

    /** A Gemini simulator with {@code config}, started outside the check, the SDK warmed up. */
    public static GeminiSimulator gemini(GeminiSimulatorConfig config) {
        warmUpTheSdk();
        return outsideTheCheck(() -> GeminiSimulator.start(config));
    }

    /** A shop site simulator with {@code config} (chapter 05), started outside the check. */
    public static ShopSimulator shop(ShopConfig config) {
        return outsideTheCheck(() -> ShopSimulator.start(config));
    }

    /** The retrieval simulator's two searches with {@code config} (chapter 07), started outside the check. */
    public static RetrievalSimulator retrieval(RetrievalConfig config) {
        return outsideTheCheck(() -> RetrievalSimulator.start(config));
    }

    /** A client for {@code simulator} with the SDK's retries off, so the learner's own retries are what runs. */
    public static Client clientWithoutRetries(GeminiSimulator simulator) {
        return outsideTheCheck(simulator::clientWithoutRetries);
    }

    /** Closes {@code closeable} (a simulator, a client) outside the check, so its threads end there too. */
    public static void close(AutoCloseable closeable) {
        outsideTheCheck(() -> {
            closeable.close();
            return null;
        });
    }

    /**
     * Closes each of {@code closeables} as {@link #close} does, skipping the nulls: what a check class
     * never got as far as opening.
     */
    public static void closeAll(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            if (closeable != null) {
                close(closeable);
            }
        }
    }

    /**
     * Makes a sync, an async and an embedding call against a simulator of its own, once per JVM.
     * A failure here is left for the checks themselves to report.
     */
    private static void warmUpTheSdk() {
        if (!SDK_WARMED_UP.compareAndSet(false, true)) {
            return;
        }
        outsideTheCheck(() -> {
            try (GeminiSimulator simulator = GeminiSimulator.start(GeminiSimulatorConfig.fast());
                 Client client = GeminiClients.forSimulator(simulator.baseUrl(), simulator.apiKey(),
                         GeminiClients.noRetries())) {
                client.models.generateContent(Gemini.MODEL, "What is two times 1?", null);
                client.async.models.generateContent(Gemini.MODEL, "What is two times 2?", null).join();
                client.models.embedContent(Gemini.EMBEDDING_MODEL, "warm-up", null);
            } catch (RuntimeException ignored) {
                // the checks themselves will say what is wrong
            }
            return null;
        });
    }

    /**
     * Runs {@code work} on a daemon thread of the JVM's top thread group and waits for it: threads
     * it starts belong to no check.
     */
    public static <T> T outsideTheCheck(Callable<T> work) {
        ThreadGroup top = Thread.currentThread().getThreadGroup();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread thread = new Thread(top, () -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            }
        }, "check set-up");
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // set-up is quick; finish it, then pass the interrupt on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the check's simulator could not be set up: " + failure.get(), failure.get());
        }
        return result.get();
    }
}
