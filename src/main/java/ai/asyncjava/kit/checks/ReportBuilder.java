package ai.asyncjava.kit.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Listens to the JUnit launcher and collects one {@link CheckResult} per check. */
final class ReportBuilder implements TestExecutionListener {

    private final List<CheckResult> results = new ArrayList<>();
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();

    @Override
    public void executionStarted(TestIdentifier test) {
        startedAt.put(test.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            add(new CheckResult(test.getDisplayName(), CheckStatus.NOT_RUN, reason, List.of(), 0));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult outcome) {
        long millis = (System.nanoTime() - startedAt.getOrDefault(test.getUniqueId(), System.nanoTime())) / 1_000_000;
        Throwable thrown = outcome.getThrowable().orElse(null);
        if (test.isTest()) {
            add(switch (outcome.getStatus()) {
                case SUCCESSFUL -> new CheckResult(test.getDisplayName(), CheckStatus.PASSED, "", List.of(), millis);
                case ABORTED -> new CheckResult(test.getDisplayName(), CheckStatus.NOT_RUN,
                        thrown == null ? "Not run." : thrown.getMessage(), List.of(), millis);
                case FAILED -> new CheckResult(test.getDisplayName(), CheckStatus.FAILED,
                        FailureMessages.message(thrown), FailureMessages.learnerFrames(thrown), millis);
            });
        } else if (outcome.getStatus() == TestExecutionResult.Status.FAILED && thrown != null) {
            // The class of checks itself broke (it could not be built, say): one row saying so.
            add(new CheckResult("the checks could start", CheckStatus.FAILED,
                    FailureMessages.message(thrown), FailureMessages.learnerFrames(thrown), millis));
        }
    }

    private synchronized void add(CheckResult result) {
        results.add(result);
    }

    synchronized List<CheckResult> results() {
        return List.copyOf(results);
    }
}
