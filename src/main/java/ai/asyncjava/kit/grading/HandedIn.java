package ai.asyncjava.kit.grading;

import java.util.List;

/**
 * What one student handed in, as found in the submissions folder: notebooks ready to grade,
 * and files that cannot be (each with the reason).
 *
 * @param student   the student's name: the folder's or zip's name
 * @param notebooks the notebooks found, each with the chapter its metadata names
 * @param problems  files that could not be graded, each a row of the gradebook
 * @param notes     what the student should know that is not a row (a second notebook for a chapter)
 */
record HandedIn(String student, List<Submission> notebooks, List<Problem> problems, List<String> notes) {

    /** A file that could not be graded: an invalid notebook, a zip that is not one. */
    record Problem(String fileName, String sha256, String reason) {}
}
