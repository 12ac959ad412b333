package ai.asyncjava.kit.checks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import org.junit.platform.launcher.Launcher;
import java.util.function.Predicate;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one exercise's checks through the JUnit Platform Launcher and builds the report. */
final class CheckRunner {

    /** Checks share static state (the learner's threads), so two runs must not overlap. */
    private static final Object ONE_RUN_AT_A_TIME = new Object();

    private CheckRunner() {}

    /** Runs only the checks whose method names {@code wanted} accepts; the others are left out of the report. */
    static CheckReport run(Exercise exercise, Object learnerFactory, Predicate<String> wanted) {
        if (learnerFactory == null) {
            throw new IllegalArgumentException("pass a factory for your implementation, for example MyClass::new");
        }
        HiddenChecks settings = exercise.checkClass().getAnnotation(HiddenChecks.class);
        Duration budget = Tolerances.scaled(Duration.ofMillis(Math.round(settings.secondsInAll() * 1000)));
        synchronized (ONE_RUN_AT_A_TIME) {
            long started = System.nanoTime();
            Thread caller = Thread.currentThread();
            ClassLoader callersLoader = caller.getContextClassLoader();
            try (CheckRun run = CheckRun.open(learnerFactory, budget)) {
                // In a kernel the kit sits in JShell's class loader, not the system one; JUnit
                // finds its test engine through the context class loader.
                caller.setContextClassLoader(CheckRunner.class.getClassLoader());
                ReportBuilder report = new ReportBuilder();
                launcher().execute(request(exercise, run, wanted), report);
                return new CheckReport(exercise.title(), report.results(), (System.nanoTime() - started) / 1_000_000);
            } finally {
                caller.setContextClassLoader(callersLoader);
            }
        }
    }

    /** A launcher that picks up nothing from the class path but the Jupiter engine itself. */
    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
    }

    private static String methodName(TestDescriptor descriptor) {
        return descriptor.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getMethodName).orElse("");
    }

    private static LauncherDiscoveryRequest request(Exercise exercise, CheckRun run, Predicate<String> wanted) {
        PostDiscoveryFilter onlyWanted = descriptor -> descriptor.isTest() && !wanted.test(methodName(descriptor))
                ? FilterResult.excluded("not asked for") : FilterResult.included("asked for");
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(exercise.checkClass()))
                .filters(onlyWanted)
                .configurationParameter(CheckRun.ID_PARAMETER, run.id())
                // Ignore junit-platform.properties and system properties meant for the course's own tests.
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
    }
}
