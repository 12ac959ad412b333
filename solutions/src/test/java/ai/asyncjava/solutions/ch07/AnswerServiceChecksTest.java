package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch07.Chapter07;
import ai.asyncjava.kit.exercises.ch07.AnswerServiceFactory;
import ai.asyncjava.solutions.ch07.mutants.FlawedAnswerService;
import ai.asyncjava.solutions.ch07.mutants.FlawedAnswerService.Flaw;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The answer service's checks pass on the reference and each catches a learner's mistake. */
class AnswerServiceChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<AnswerServiceFactory>of(Chapter07.ANSWER_SERVICE, "SseAnswerService", SseAnswerService::start)
                .mutant("BufferedAnswerService", flawed(Flaw.BUFFERED), "streamsTokensAsTheModelStreams")
                .mutant("RawTextAnswerService", flawed(Flaw.RAW_TEXT_DATA), "streamsTokensAsTheModelStreams")
                .mutant("NoDoneAnswerService", flawed(Flaw.NO_DONE), "streamsTokensAsTheModelStreams")
                .mutant("UncheckedQuestionAnswerService", flawed(Flaw.NO_VALIDATION), "refusesAMissingQuestion")
                .mutant("RecordsFirstAnswerService", flawed(Flaw.RECORDS_FIRST), "recordsInTheBackgroundAfterTheResponse")
                .mutant("ForgetfulCloseAnswerService", flawed(Flaw.FORGETFUL_CLOSE), "closeDrainsTheBackgroundWork")
                .mutant("InterruptingCloseAnswerService", flawed(Flaw.INTERRUPTING_CLOSE), "closeDrainsTheBackgroundWork")
                .mutant("KeepsServingAnswerService", flawed(Flaw.KEEPS_SERVING), "closeDrainsTheBackgroundWork")
                .mutant("KeepsStreamingAnswerService", flawed(Flaw.KEEPS_STREAMING), "aClientThatHangsUpStopsTheModel")
                .mutant("SerialAnswerService", flawed(Flaw.SERIAL), "servesManyUsersAtOnce")
                .mutant("SmallPoolAnswerService", flawed(Flaw.SMALL_POOL), "servesManyUsersAtOnce")
                .tests();
    }

    private static AnswerServiceFactory flawed(Flaw flaw) {
        return (gemini, log) -> new FlawedAnswerService(gemini, log, flaw);
    }
}
