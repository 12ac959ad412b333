package ai.asyncjava.kit.grading;

import java.util.List;
import java.util.Map;

/**
 * What one worker JVM is asked to do, written as JSON into its working directory.
 *
 * @param notebook         the submission's copy of the notebook
 * @param chapter          its chapter
 * @param exercises        the exercises to check, in order (those an earlier attempt did not finish)
 * @param skipCells        code cells to leave out: ones that ended an earlier attempt even with
 *                         only their declarations run
 * @param declarationsOnly exercise cells to run only the declarations of: ones whose statements
 *                         ended an earlier attempt (an exit, an endless loop at the top level)
 * @param onlyChecks       for a re-run: per exercise, the check methods to run, each alone
 * @param slowdown         the checks' slowdown factor, fixed before any learner code runs
 * @param learnerCellMillis how long one of the learner's cells may run
 * @param maxThreads       more live platform threads than this is a thread bomb
 * @param events           where to write what happens, one JSON object a line
 */
record WorkerJob(String notebook, String chapter, List<String> exercises, List<Integer> skipCells,
                 List<Integer> declarationsOnly, Map<String, List<String>> onlyChecks, double slowdown, long learnerCellMillis, int maxThreads,
                 String events) {}
