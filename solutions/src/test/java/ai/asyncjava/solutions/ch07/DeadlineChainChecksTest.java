package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch07.Chapter07;
import ai.asyncjava.kit.exercises.ch07.DeadlineChain;
import ai.asyncjava.solutions.ch07.mutants.FlawedChain;
import ai.asyncjava.solutions.ch07.mutants.FlawedChain.Flaw;
import com.google.genai.Client;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The deadline checks pass on the reference and each catches a way of timing out that does not stop. */
class DeadlineChainChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Function<Client, DeadlineChain>>of(Chapter07.DEADLINE_CHAIN, "BudgetedChain", BudgetedChain::new)
                .mutant("FirstAnswerChain", flawed(Flaw.FIRST_ANSWER), "answersWhenEveryCallFits")
                .mutant("NoTimeoutChain", flawed(Flaw.NO_TIMEOUT), "givesUpAtTheDeadline")
                .mutant("FreshBudgetChain", flawed(Flaw.FRESH_BUDGET), "sharesOneBudget")
                .mutant("SplitEvenlyChain", flawed(Flaw.SPLIT_EVENLY), "sharesOneBudget")
                .mutant("GetWithoutCancelChain", flawed(Flaw.GET_WITHOUT_CANCEL), "stopsTheCallInFlight")
                .mutant("PlatformThreadCancelChain", flawed(Flaw.PLATFORM_THREAD_CANCEL), "stopsTheCallInFlight")
                .mutant("AsyncCancelChain", flawed(Flaw.ASYNC_CANCEL), "stopsTheCallInFlight")
                .tests();
    }

    private static Function<Client, DeadlineChain> flawed(Flaw flaw) {
        return client -> new FlawedChain(client, flaw);
    }
}
