package ai.asyncjava.kit.checks;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The state of one run of an exercise's checks, shared between the {@link CheckRunner} that
 * starts the JUnit launcher and the {@link CheckHarness} extension inside it. The launcher
 * only passes strings, so the run is registered under an id that travels as a JUnit
 * configuration parameter.
 */
final class CheckRun implements AutoCloseable {

    static final String ID_PARAMETER = "ai.asyncjava.checks.run";

    private static final Map<String, CheckRun> ACTIVE = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final Object learnerFactory;
    private final long deadlineNanos;
    private volatile String stuckCode;

    private CheckRun(Object learnerFactory, Duration budget) {
        this.learnerFactory = learnerFactory;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    static CheckRun open(Object learnerFactory, Duration budget) {
        CheckRun run = new CheckRun(learnerFactory, budget);
        ACTIVE.put(run.id, run);
        return run;
    }

    /** The run a check belongs to. */
    static CheckRun of(ExtensionContext context) {
        String id = context.getConfigurationParameter(ID_PARAMETER).orElseThrow(() -> new IllegalStateException(
                "hidden checks run only through Exercise.check(factory), which supplies the learner's code"));
        CheckRun run = ACTIVE.get(id);
        if (run == null) {
            throw new IllegalStateException("check run " + id + " is over");
        }
        return run;
    }

    String id() {
        return id;
    }

    Object learnerFactory() {
        return learnerFactory;
    }

    /** What is left of the whole run's time budget. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** Records that learner code is still running and could not be stopped; later checks are skipped. */
    void markStuck(String where) {
        stuckCode = where;
        CodeLeftRunning.record(where);
    }

    /** Where the unstoppable code is, or {@code null} when nothing is stuck. */
    String stuckCode() {
        return stuckCode;
    }

    @Override
    public void close() {
        ACTIVE.remove(id);
    }
}
