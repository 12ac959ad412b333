package ai.asyncjava.kit.grading;

import java.nio.file.Path;

/**
 * One notebook to grade: whose it is, which chapter its metadata names, where a readable copy
 * of it is, and the hash of what was handed in.
 *
 * @param student  the student
 * @param chapter  the chapter its metadata names
 * @param notebook a copy of the notebook the grader may read (taken out of a zip if need be)
 * @param fileName the notebook's file name as handed in
 * @param sha256   the hash of the handed-in file
 */
record Submission(String student, GradedChapter chapter, Path notebook, String fileName, String sha256) {}
