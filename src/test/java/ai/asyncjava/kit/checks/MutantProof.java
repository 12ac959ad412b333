package ai.asyncjava.kit.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Proof that an exercise's checks are worth having: they all pass on the reference solution,
 * and each of them fails on at least one deliberately broken implementation (a mutant). A test class lists the mutants, one line
 * each, with the check methods that must catch them, and returns {@link #tests()} from a
 * {@code @TestFactory}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> checksCatchMutants() {
 *     return MutantProof.of(Chapter00.FAN_OUT, VirtualThreadFanOut::new)
 *             .mutant(OneAfterAnotherFanOut::new, "everyCallInFlightAtOnce")
 *             .tests();
 * }
 * }</pre>
 *
 * <p>This is test tooling: it lives in the kit's test jar, which the solutions module's tests use.
 *
 * @param <F> the exercise's factory type
 */
public final class MutantProof<F> {

    /** The slowdown factor under which the reference must still pass: a grader running two JVMs at once. */
    static final String SLOWED_DOWN = "2";

    private record Mutant<F>(String name, F factory, List<String> caughtBy) {}

    private final Exercise exercise;
    private final String referenceName;
    private final F reference;
    private final List<Mutant<F>> mutants = new ArrayList<>();
    /** The reference's report, made once: the checks take seconds and several tests read it. */
    private CheckReport referenceReport;

    private MutantProof(Exercise exercise, String referenceName, F reference) {
        this.exercise = exercise;
        this.referenceName = referenceName;
        this.reference = reference;
    }

    /** Starts a proof for {@code exercise} with a factory of its reference solution. */
    public static <F> MutantProof<F> of(Exercise exercise, F reference) {
        return new MutantProof<>(exercise, nameOf(reference), reference);
    }

    /**
     * Starts a proof with a reference factory that takes arguments (a constructor reference
     * such as {@code SlidingWindowLimiter::new} for {@code (int, Duration)}): such a factory
     * cannot be asked for an instance to name it by, so {@code name} names it.
     */
    public static <F> MutantProof<F> of(Exercise exercise, String name, F reference) {
        return new MutantProof<>(exercise, name, reference);
    }

    /**
     * Adds a mutant, named after the class it makes, and the check methods that must fail on
     * it. Other checks may pass or fail on it.
     */
    public MutantProof<F> mutant(F factory, String... caughtBy) {
        return mutant(nameOf(factory), factory, caughtBy);
    }

    /** Adds a mutant made by a factory that takes arguments, named by {@code name}. */
    public MutantProof<F> mutant(String name, F factory, String... caughtBy) {
        if (caughtBy.length == 0) {
            throw new IllegalArgumentException("name at least one check method that catches the mutant " + name);
        }
        Set<String> unknown = new LinkedHashSet<>(List.of(caughtBy));
        unknown.removeAll(exercise.checksByMethod().keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no such check methods in " + exercise.checkClass().getSimpleName()
                    + ": " + unknown + "; its checks are " + exercise.checksByMethod().keySet());
        }
        mutants.add(new Mutant<>(name, factory, List.of(caughtBy)));
        return this;
    }

    /**
     * The dynamic tests: the reference passes every check; each mutant fails the checks named
     * for it; every check catches at least one mutant.
     *
     * <p>The reference is not run here slowed down {@value #SLOWED_DOWN}×: the notebook tests run
     * every walkthrough in Jupyter, two kernels at once, at that slowdown, which proves it on a
     * busy machine rather than an idle one, and CI's minutes are not spent twice on it.
     */
    public Stream<DynamicTest> tests() {
        Stream<DynamicTest> referencePasses = Stream.of(DynamicTest.dynamicTest(
                "reference " + referenceName + " passes every check", this::assertReferencePasses));
        Stream<DynamicTest> mutantsCaught = mutants.stream().map(mutant -> DynamicTest.dynamicTest(
                "mutant " + mutant.name() + " is caught by: " + String.join(", ", mutant.caughtBy()),
                () -> assertCaught(mutant)));
        Stream<DynamicTest> everyCheckUseful = Stream.of(DynamicTest.dynamicTest(
                "every check catches at least one mutant", this::assertEveryCheckCatchesAMutant));
        return Stream.of(referencePasses, mutantsCaught, everyCheckUseful).flatMap(s -> s);
    }

    /**
     * For another correct implementation (one no walkthrough holds): it passes every check, at
     * the default slowdown and at {@value #SLOWED_DOWN}×.
     */
    public Stream<DynamicTest> passingTests() {
        return Stream.of(
                DynamicTest.dynamicTest(referenceName + " passes every check", this::assertReferencePasses),
                DynamicTest.dynamicTest(referenceName + " passes every check slowed down " + SLOWED_DOWN + "×",
                        this::assertReferencePassesSlowedDown));
    }

    private synchronized CheckReport referenceReport() {
        if (referenceReport == null) {
            referenceReport = exercise.check(reference);
        }
        return referenceReport;
    }

    private void assertReferencePasses() {
        CheckReport report = referenceReport();
        assertTrue(report.allPassed(), () -> "the reference solution fails:\n" + report.plainText());
    }

    private void assertReferencePassesSlowedDown() {
        String before = System.getProperty(Tolerances.SLOWDOWN_PROPERTY);
        System.setProperty(Tolerances.SLOWDOWN_PROPERTY, SLOWED_DOWN);
        try {
            CheckReport report = exercise.check(reference);
            assertTrue(report.allPassed(), () -> "the reference solution fails slowed down " + SLOWED_DOWN + "×:\n"
                    + report.plainText());
        } finally {
            if (before == null) {
                System.clearProperty(Tolerances.SLOWDOWN_PROPERTY);
            } else {
                System.setProperty(Tolerances.SLOWDOWN_PROPERTY, before);
            }
        }
    }

    private void assertCaught(Mutant<F> mutant) {
        // Only the checks that must catch the mutant run: the others prove nothing here, and
        // skipping them keeps the proofs of all chapters within CI's minutes.
        CheckReport report = exercise.checkOnly(mutant.factory(), mutant.caughtBy());
        Map<String, String> rows = exercise.checksByMethod();
        for (String check : mutant.caughtBy()) {
            CheckResult result = report.result(rows.get(check));
            assertEquals(CheckStatus.FAILED, result.status(),
                    () -> "check " + check + " did not catch mutant " + mutant.name() + ":\n" + report.plainText());
        }
    }

    private void assertEveryCheckCatchesAMutant() {
        Set<String> allChecks = new LinkedHashSet<>(exercise.checksByMethod().keySet());
        Set<String> caught = mutants.stream().flatMap(m -> m.caughtBy().stream()).collect(Collectors.toSet());
        allChecks.removeAll(caught);
        if (!allChecks.isEmpty()) {
            fail("no mutant shows that these checks of " + exercise.checkClass().getSimpleName() + " can fail: "
                    + allChecks);
        }
    }

    /** A method reference {@code Foo::new} makes a lambda; the class it makes names the mutant. */
    private static String nameOf(Object factory) {
        if (factory instanceof java.util.function.Supplier<?> supplier) {
            return supplier.get().getClass().getSimpleName();
        }
        return factory.getClass().getSimpleName();
    }
}
