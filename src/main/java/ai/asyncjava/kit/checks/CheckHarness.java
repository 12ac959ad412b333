package ai.asyncjava.kit.checks;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit extension behind {@link HiddenChecks}: hands each check the learner's factory,
 * runs it within its time limit, and skips the rest once learner code is stuck for good.
 */
final class CheckHarness implements ParameterResolver, InvocationInterceptor, ExecutionCondition {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType().isInstance(CheckRun.of(context).learnerFactory());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return CheckRun.of(context).learnerFactory();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("a class of checks");
        }
        CheckRun run = CheckRun.of(context);
        if (run.stuckCode() != null) {
            return ConditionEvaluationResult.disabled("Not run: code from an earlier check is still running (at "
                    + run.stuckCode() + "); restart the kernel and check again.");
        }
        if (run.remaining().compareTo(Tolerances.SHORTEST_USEFUL_LIMIT) < 0) {
            return ConditionEvaluationResult.disabled(
                    "Not run: the earlier checks used up the time all checks may take together.");
        }
        return ConditionEvaluationResult.enabled("time left");
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        CheckRun run = CheckRun.of(context);
        Duration perCheck = Tolerances.scaled(Duration.ofMillis(Math.round(settings(context).secondsPerCheck() * 1000)));
        Duration limit = perCheck.compareTo(run.remaining()) < 0 ? perCheck : run.remaining();
        BoundedCheck.run(invocation::proceed, limit, run);
    }

    private static HiddenChecks settings(ExtensionContext context) {
        Optional<HiddenChecks> settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), HiddenChecks.class);
        return settings.orElseThrow(() -> new IllegalStateException(
                context.getRequiredTestClass().getName() + " is not annotated with @HiddenChecks"));
    }
}
